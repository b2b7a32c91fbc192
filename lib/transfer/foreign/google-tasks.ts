import 'server-only';
import { z } from 'zod';
import { TASKS_PER_USER_MAX } from '@/lib/limits';
import { notTheFormat, planOf, tooManyTasks, type Draft, type ForeignImport, type Warning } from '@/lib/transfer/foreign/common';

/*
 * Google Tasks' Takeout file, Tasks.json: `{ "kind": "tasks#taskLists", "items": [ { "kind":
 * "tasks#taskList", "title", "items": [ { "kind": "tasks#task", "id", "title", "notes",
 * "status": "needsAction" | "completed", "due", "parent", "position", "created"?, "deleted"?,
 * "links"? } ] } ] }`. Each list becomes a project; `due` is a date (Google keeps no time); a
 * subtask names its parent by id; `position` orders siblings. Deleted tasks are left out.
 */

const GoogleTask = z.looseObject({
  id: z.string().optional(),
  title: z.string().optional(),
  notes: z.string().optional(),
  status: z.string().optional(),
  due: z.string().optional(),
  parent: z.string().optional(),
  position: z.string().optional(),
  created: z.string().optional(),
  deleted: z.boolean().optional(),
  links: z.array(z.looseObject({ link: z.string().optional(), description: z.string().optional() })).optional(),
});

const TakeoutFile = z.looseObject({
  kind: z.literal('tasks#taskLists', 'must be "tasks#taskLists" (Google Takeout\'s Tasks.json)'),
  items: z.array(z.looseObject({ title: z.string().optional(), items: z.array(GoogleTask).default([]) })).default([]),
});

export function fromGoogleTasks(body: unknown): ForeignImport {
  const file = TakeoutFile.safeParse(body);
  if (!file.success) {
    const issue = file.error.issues[0]!;
    throw notTheFormat(issue.path.map((p) => (typeof p === 'number' ? `[${p}]` : `.${String(p)}`)).join('').replace(/^\./, '') || 'file', issue.message);
  }
  const drafts: Draft[] = [];
  const warnings: Warning[] = [];
  file.data.items.forEach((list, l) => {
    const project = list.title?.trim() || `Google Tasks list ${l + 1}`;
    // Siblings in Google's order; parents before their subtasks.
    const order = list.items
      .map((task, t) => ({ task, t }))
      .sort((a, b) => (a.task.position ?? '').localeCompare(b.task.position ?? '') || a.t - b.t);
    const byId = new Map<string, number>();
    const parents: (string | undefined)[] = [];
    for (const { task, t } of order) {
      const path = `items[${l}].items[${t}]`;
      if (task.deleted) {
        warnings.push({ path, message: 'it was deleted in Google Tasks: not imported' });
        continue;
      }
      const due = task.due && /^\d{4}-\d{2}-\d{2}/.test(task.due) ? task.due.slice(0, 10) : null;
      if (task.due && !due) warnings.push({ path, message: `its due date "${task.due}" could not be read` });
      const links = (task.links ?? []).map((l) => [l.description, l.link].filter(Boolean).join(': ')).filter(Boolean);
      if (links.length) warnings.push({ path, message: 'its links are kept as lines of its description' });
      const created = task.created && !Number.isNaN(Date.parse(task.created)) ? new Date(task.created).toISOString() : null;
      // Before anything costly is done for more: an account holds at most that many.
      if (drafts.length >= TASKS_PER_USER_MAX) throw tooManyTasks('more');
      if (task.id) byId.set(task.id, drafts.length);
      parents.push(task.parent);
      drafts.push({
        path,
        title: task.title ?? '',
        description: [task.notes, ...links].filter(Boolean).join('\n') || null,
        completed: task.status === 'completed',
        due_date: due,
        due_time: null,
        priority: 'none',
        labels: [],
        repeat: null,
        project,
        parent: null,
        created_at: created,
      });
    }
    const first = drafts.length - parents.length;
    parents.forEach((parentId, k) => {
      if (!parentId) return;
      const parent = byId.get(parentId);
      const draft = drafts[first + k]!;
      if (parent === undefined) warnings.push({ path: draft.path, message: 'its parent task is not in the file; it is imported as a top-level task' });
      else draft.parent = parent;
    });
  });
  return planOf('json', drafts, warnings);
}
