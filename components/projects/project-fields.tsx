import { ApiError, type LabelColor } from '@/lib/client/api';
import { codePoints, PROJECT_NAME_MAX } from '@/lib/client/limits';
import { LABEL_COLORS } from '@/lib/client/planning';

/** Why a project name cannot be sent, or null. */
export function projectNameProblem(name: string): string | null {
  if (!name.trim()) return 'Give the project a name.';
  if (codePoints(name.trim()) > PROJECT_NAME_MAX) return `Keep the name under ${PROJECT_NAME_MAX + 1} characters.`;
  return null;
}

/**
 * A failed project write in the person's words. Names are unique per owner, so a clash is
 * with the caller's own projects only when they own this one (`byOwner`).
 */
export function explainProjectError(err: unknown, name: string, byOwner = true): string {
  if (err instanceof ApiError && err.status === 409) {
    return byOwner ? `You already own a project called “${name}”.` : `Its owner already has a project called “${name}”.`;
  }
  return err instanceof ApiError ? err.message : 'Something went wrong. Try again.';
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
