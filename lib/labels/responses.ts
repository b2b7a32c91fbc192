import 'server-only';
import type { LabelRow } from '@/lib/labels/queries';
import type { LabelColorName, LabelJson } from '@/lib/labels/schemas';

// How a label goes over HTTP.

export function toLabelJson(label: LabelRow): LabelJson {
  return {
    id: label.id,
    name: label.name,
    color: label.color as LabelColorName,
    task_count: label.taskCount,
    created_at: label.createdAt.toISOString(),
  };
}
