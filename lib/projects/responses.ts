import 'server-only';
import type { ProjectRow } from '@/lib/projects/queries';
import type { ProjectJson } from '@/lib/projects/schemas';
import type { LabelColorName } from '@/lib/labels/schemas';

// How a project goes over HTTP: as the caller sees it.

export function toProjectJson(project: ProjectRow): ProjectJson {
  return {
    id: project.id,
    name: project.name,
    color: project.color as LabelColorName,
    role: project.role,
    shared: project.shared,
    open_count: project.openCount,
    position: project.position,
    created_at: project.createdAt.toISOString(),
    updated_at: project.updatedAt.toISOString(),
  };
}
