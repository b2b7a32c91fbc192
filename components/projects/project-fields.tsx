import type { LabelColor, Project } from '@/lib/client/api';
import { codePoints, PROJECT_NAME_MAX } from '@/lib/client/limits';
import { LABEL_COLORS } from '@/lib/client/planning';

/** Why a project name cannot be sent, or null. */
export function projectNameProblem(name: string): string | null {
  if (!name.trim()) return 'Give the project a name.';
  if (codePoints(name.trim()) > PROJECT_NAME_MAX) return `Keep the name under ${PROJECT_NAME_MAX + 1} characters.`;
  return null;
}

/** Whether the person owns a project of that name (names are unique per owner, whatever their case). */
export function ownsProjectNamed(projects: readonly Project[], name: string, except?: string): boolean {
  return projects.some((p) => p.role === 'owner' && p.id !== except && p.name.toLocaleLowerCase() === name.toLocaleLowerCase());
}

export function ProjectColorSelect({ id, value, onChange }: { id: string; value: LabelColor; onChange: (color: LabelColor) => void }) {
  return (
    <select id={id} className="field capitalize" value={value} onChange={(e) => onChange(e.target.value as LabelColor)}>
      {LABEL_COLORS.map((color) => (
        <option key={color} value={color}>
          {color}
        </option>
      ))}
    </select>
  );
}
