import type { Label, LabelChanges, LabelColor, Project, ProjectChanges } from './api';
import type { MoveRequest } from './manual-order';
import type { Effect } from './outbox';
import type { Task } from './task';

/**
 * The person's projects and labels on the device, and the writes the app makes to them as they
 * wait in the outbox (lib/client/local-copy.ts), beside the task writes and in one order with
 * them: a task added to a project made offline is sent after the project. A project or label
 * made on this device has a temporary id (`temp-…`) until the server answers. The lists shown
 * are the server's last answer with the waiting writes applied (`listsWith`).
 */

export interface Lists {
  projects: Project[];
  labels: Label[];
}

/** `attempted`: a create sent at least once (a `409` on its retry may be its own first attempt). */
export type ListWrite =
  | { kind: 'project-create'; project: string; body: { name: string; color: LabelColor }; attempted?: boolean }
  | { kind: 'project-update'; project: string; changes: ProjectChanges }
  | { kind: 'project-move'; project: string; move: MoveRequest }
  | { kind: 'project-delete'; project: string }
  | { kind: 'label-create'; label: string; body: { name: string; color: LabelColor }; attempted?: boolean }
  /** `was`: the label's name when the write was made (its tasks carry the label by name). */
  | { kind: 'label-update'; label: string; was: string; changes: LabelChanges }
  | { kind: 'label-delete'; label: string; was: string };

export function isListWrite<W extends { kind: string }>(write: W): write is Extract<W, ListWrite> {
  return write.kind.startsWith('project-') || write.kind.startsWith('label-');
}

/** The project or label a list write is about. */
export function listItemOf(write: ListWrite): string {
  return 'project' in write ? write.project : write.label;
}

const byName = (a: Label, b: Label) => a.name.localeCompare(b.name, undefined, { sensitivity: 'base' });
const sameName = (a: string, b: string) => a.toLocaleLowerCase() === b.toLocaleLowerCase();

/** The lists as they show with `writes` (waiting, in order) applied to the server's `lists`. */
export function listsWith(lists: Lists, writes: readonly ListWrite[], now: string): Lists {
  let { projects, labels } = lists;
  for (const write of writes) {
    switch (write.kind) {
      case 'project-create':
        // Last in the sidebar, as the server puts it (its position is the server's to give).
        projects = [...projects, { id: write.project, ...write.body, role: 'owner', shared: false, open_count: 0, position: '', created_at: now, updated_at: now }];
        break;
      case 'project-update':
        projects = projects.map((p) => (p.id === write.project ? { ...p, ...definedOf(write.changes) } : p));
        break;
      case 'project-move':
        projects = moved(projects, write.project, write.move);
        break;
      case 'project-delete':
        projects = projects.filter((p) => p.id !== write.project);
        break;
      case 'label-create':
        labels = [...labels, { id: write.label, ...write.body, task_count: 0, created_at: now }];
        break;
      case 'label-update':
        labels = labels.map((l) => (l.id === write.label ? { ...l, ...definedOf(write.changes) } : l));
        break;
      case 'label-delete':
        labels = labels.filter((l) => l.id !== write.label);
        break;
    }
  }
  return { projects, labels: [...labels].sort(byName) };
}

function definedOf<T extends object>(changes: T): Partial<T> {
  return Object.fromEntries(Object.entries(changes).filter(([, value]) => value !== undefined && value !== null)) as Partial<T>;
}

/** `projects` with `id` moved as `move` says (unchanged when its anchor is not there: the server will say so). */
function moved(projects: Project[], id: string, move: MoveRequest): Project[] {
  const project = projects.find((p) => p.id === id);
  if (!project) return projects;
  const rest = projects.filter((p) => p.id !== id);
  if ('to' in move) return move.to === 'top' ? [project, ...rest] : [...rest, project];
  const at = rest.findIndex((p) => p.id === ('before' in move ? move.before : move.after));
  if (at === -1) return projects;
  const index = 'before' in move ? at : at + 1;
  return [...rest.slice(0, index), project, ...rest.slice(index)];
}

/**
 * What a list write does to the tasks on the device, as the server will do it: a deleted
 * project takes its tasks along; a renamed label is renamed on every task carrying it, and a
 * deleted one leaves them.
 */
export function taskEffectOf(tasks: ReadonlyMap<string, Task>, write: ListWrite): Effect {
  const effect: Effect = { put: [], remove: [] };
  if (write.kind === 'project-delete') {
    for (const task of tasks.values()) if (task.project_id === write.project) effect.remove.push(task.id);
  } else if ((write.kind === 'label-update' && write.changes.name && write.changes.name !== write.was) || write.kind === 'label-delete') {
    const name = write.kind === 'label-update' ? write.changes.name : undefined;
    for (const task of tasks.values()) {
      if (!task.labels.some((label) => sameName(label, write.was))) continue;
      const labels = name ? task.labels.map((label) => (sameName(label, write.was) ? name : label)) : task.labels.filter((label) => !sameName(label, write.was));
      effect.put.push({ ...task, labels });
    }
  }
  return effect;
}

/** A list write with every mention of a temporary id (its project or label, a move's anchor) replaced by the saved one's. */
export function renamedList<W extends ListWrite>(write: W, tempId: string, id: string): W {
  const name = (value: string) => (value === tempId ? id : value);
  const next = 'project' in write ? { ...write, project: name(write.project) } : { ...write, label: name(write.label) };
  if (next.kind === 'project-move' && !('to' in next.move)) next.move = 'before' in next.move ? { before: name(next.move.before) } : { after: name(next.move.after) };
  return next;
}

/**
 * `tasks` as the server sent them, with what the waiting list writes do to them on the device (a
 * project deleted here takes its tasks along, a label renamed here is renamed on them): the
 * feed does not bring back what this device's waiting writes took away.
 */
export function underListWrites(tasks: readonly Task[], writes: readonly ListWrite[]): Effect {
  const shown = new Map(tasks.map((task) => [task.id, task]));
  const remove: string[] = [];
  for (const write of writes) {
    const effect = taskEffectOf(shown, write);
    for (const id of effect.remove) {
      shown.delete(id);
      remove.push(id);
    }
    for (const task of effect.put) shown.set(task.id, task);
  }
  return { put: [...shown.values()], remove };
}

/**
 * The one of `items` an earlier attempt of a create made, its answer lost: the retry meets its
 * own name (`409`), and the one of that name has the create's colour too.
 */
export function madeBefore<T extends { name: string; color: LabelColor }>(items: readonly T[], body: { name: string; color: LabelColor }): T | undefined {
  return items.find((item) => sameName(item.name, body.name) && item.color === body.color);
}
