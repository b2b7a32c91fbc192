import { positionBetween } from '@/lib/position';
import type { MoveRequest } from './manual-order';
import { newIdempotencyKey, type NewTask, type TaskChanges } from './api';
import type { ListWrite } from './lists';
import type { Task } from './task';

/**
 * The writes the app makes to tasks, as they wait in the outbox (lib/client/local-copy.ts) and
 * what each does to the device's copy at once, before the server has seen it. A task created
 * on this device has a temporary id (`temp-…`) until the server answers; the writes queued
 * after it name that id, and are renamed when it is known.
 */

export type { NewTask, TaskChanges };

/**
 * `ifMatch`: the version the person saw when they made the write ('' for a task not saved yet).
 * A completion sets `completed` (sent as `PATCH {completed}`, which a retry cannot undo); `due`
 * is the date it was made on: a repeating task's completion has happened once its date moved on.
 */
export type OutboxWrite =
  | { kind: 'create'; task: string; body: NewTask; key: string }
  | { kind: 'update'; task: string; changes: TaskChanges; ifMatch: string }
  | { kind: 'toggle'; task: string; completed: boolean; due: string | null; ifMatch: string }
  | { kind: 'move'; task: string; move: MoveRequest; ifMatch: string }
  | { kind: 'delete'; task: string };

/** A queued write, with the ids of the tasks its effect touched on the device (re-read from the server if it is refused). */
export type TaskEntry = OutboxWrite & { seq: number; touched: string[] };
export type ListEntry = ListWrite & { seq: number; touched: string[] };
export type OutboxEntry = TaskEntry | ListEntry;

export const TEMP_PREFIX = 'temp-';

/** A temporary id's whole form, as a URL may carry it (a project made on this device). */
export const TEMPORARY_ID = /^temp-[0-9a-f]{32}$/;

/** A new temporary id, for a task, project or label made on this device. */
export function newTemporaryId(): string {
  return `${TEMP_PREFIX}${newIdempotencyKey()}`;
}

export function isTemporary(id: string): boolean {
  return id.startsWith(TEMP_PREFIX);
}

/** What a write does to the device's copy: tasks to put, ids to take out. */
export interface Effect {
  put: Task[];
  remove: string[];
}

/** Every task under `id` (its subtasks, theirs, …), not `id` itself. */
export function descendants(tasks: ReadonlyMap<string, Task>, id: string): Task[] {
  const children = new Map<string, Task[]>();
  for (const task of tasks.values()) {
    if (task.parent_id === null) continue;
    const list = children.get(task.parent_id);
    if (list) list.push(task);
    else children.set(task.parent_id, [task]);
  }
  const found: Task[] = [];
  const stack = [id];
  while (stack.length) {
    for (const child of children.get(stack.pop()!) ?? []) {
      found.push(child);
      stack.push(child.id);
    }
  }
  return found;
}

/** The tasks of one list (the Inbox or a project) but `except`, in order. */
function listOf(tasks: ReadonlyMap<string, Task>, projectId: string | null, except: string): Task[] {
  return [...tasks.values()].filter((t) => t.project_id === projectId && t.id !== except).sort((a, b) => (a.position < b.position ? -1 : a.position > b.position ? 1 : 0));
}

/** A position at the top of a list, or the bottom: keys only this device needs until the server gives its own. */
function edgePosition(tasks: ReadonlyMap<string, Task>, projectId: string | null, except: string, edge: 'top' | 'bottom'): string {
  const list = listOf(tasks, projectId, except);
  if (edge === 'top') return positionBetween('', list[0]?.position ?? null);
  return positionBetween(list.at(-1)?.position ?? '', null);
}

/** Where `move` puts `task` in its list, or undefined when its anchor is not there (the server will say so). */
function movedPosition(tasks: ReadonlyMap<string, Task>, task: Task, move: MoveRequest): string | undefined {
  if ('to' in move) return edgePosition(tasks, task.project_id, task.id, move.to);
  const list = listOf(tasks, task.project_id, task.id);
  const anchorId = 'before' in move ? move.before : move.after;
  const at = list.findIndex((t) => t.id === anchorId);
  if (at === -1) return undefined;
  const [low, high] = 'before' in move ? [list[at - 1], list[at]] : [list[at], list[at + 1]];
  return positionBetween(low?.position ?? '', high?.position ?? null);
}

/**
 * Reminders as this device shows them until the server's answer gives them ids: relative ones
 * only on a task with a due date, as the server shows them.
 */
function localReminders(inputs: NewTask['reminders'], dueDate: string | null): Task['reminders'] {
  return (inputs ?? []).filter((r) => !('minutes_before' in r) || dueDate !== null).map((r, i) => ({ ...r, id: `local-reminder-${i}` }));
}

const SHOWN_FIELDS = ['title', 'description', 'due_date', 'due_time', 'priority', 'labels', 'repeat', 'assignee_id'] as const;

/**
 * What a write does to the copy right away, as the server will do it where this device can
 * tell (a subtask goes to its parent's list, completing a task completes its subtasks, a task
 * moved to another project takes its subtasks along to that project's top). The server's
 * answer replaces it. Only a new task gets this device's clock as `updated_at`: the copy keeps
 * the server's newest version of the others by theirs.
 */
export function effectOf(tasks: ReadonlyMap<string, Task>, write: OutboxWrite, userId: string, now: string): Effect {
  if (write.kind === 'create') {
    const parent = write.body.parent_id ? tasks.get(write.body.parent_id) : undefined;
    const projectId = parent ? parent.project_id : (write.body.project_id ?? null);
    const task: Task = {
      id: write.task,
      user_id: userId,
      title: write.body.title,
      description: write.body.description ?? null,
      due_date: write.body.due_date ?? null,
      due_time: write.body.due_date ? (write.body.due_time ?? null) : null,
      priority: write.body.priority ?? 'none',
      labels: write.body.labels ?? [],
      repeat: write.body.repeat ?? null,
      project_id: projectId,
      parent_id: parent?.id ?? null,
      assignee_id: write.body.assignee_id ?? null,
      reminders: localReminders(write.body.reminders, write.body.due_date ?? null),
      position: edgePosition(tasks, projectId, write.task, 'top'),
      completed: false,
      created_at: now,
      updated_at: now,
      etag: '',
    };
    return { put: [task], remove: [] };
  }

  const task = tasks.get(write.task);
  if (!task) return { put: [], remove: [] };
  switch (write.kind) {
    case 'delete':
      return { put: [], remove: [task.id, ...descendants(tasks, task.id).map((t) => t.id)] };
    case 'toggle': {
      const put = [{ ...task, completed: write.completed }];
      // Completing a task completes its open subtasks; a repeating one moves on (the server
      // gives its next date) and reopens the done ones.
      if (write.completed) {
        for (const below of descendants(tasks, task.id)) if (below.completed === Boolean(task.repeat)) put.push({ ...below, completed: !task.repeat });
      }
      return { put, remove: [] };
    }
    case 'move': {
      const position = movedPosition(tasks, task, write.move);
      return { put: position === undefined ? [] : [{ ...task, position }], remove: [] };
    }
    case 'update': {
      const { changes } = write;
      const next: Task = { ...task };
      for (const field of SHOWN_FIELDS) if (changes[field] !== undefined) Object.assign(next, { [field]: changes[field] });
      if (changes.due_date === null) next.due_time = null;
      if (changes.reminders !== undefined) next.reminders = localReminders(changes.reminders, next.due_date);
      else if (next.due_date === null) next.reminders = next.reminders.filter((r) => !('minutes_before' in r));
      if (changes.completed !== undefined) next.completed = changes.completed;
      if (changes.parent_id !== undefined) {
        const parent = changes.parent_id === null ? undefined : tasks.get(changes.parent_id);
        next.parent_id = parent?.id ?? null;
        if (parent) next.project_id = parent.project_id;
      }
      if (changes.project_id !== undefined && changes.project_id !== task.project_id) {
        // Another list: the task leaves its parent and goes to the top of its new list with its subtasks.
        next.project_id = changes.project_id;
        if (changes.parent_id === undefined) next.parent_id = null;
      }
      const put = [next];
      if (next.project_id !== task.project_id) {
        if (next.parent_id === null) next.position = edgePosition(tasks, next.project_id, task.id, 'top');
        for (const below of descendants(tasks, task.id)) put.push({ ...below, project_id: next.project_id });
      }
      return { put, remove: [] };
    }
  }
}

/** Whether a completion has happened on `task`: it shows it, or (a repeating task) its date moved on from the one it was made on. */
export function showsCompletion(task: Task, write: Extract<OutboxWrite, { kind: 'toggle' }>): boolean {
  return task.completed === write.completed || (write.completed && task.repeat !== null && task.due_date !== write.due);
}

/** Whether `task` already shows every change of `changes`: an edit whose answer was lost, and that reached the server. */
export function showsChanges(task: Task, changes: TaskChanges): boolean {
  return Object.entries(changes).every(([field, value]) => {
    if (field === 'reminders') return true;
    if (field === 'due_time' && changes.due_date === null) return task.due_time === null;
    return JSON.stringify(task[field as keyof Task] ?? null) === JSON.stringify(value ?? null);
  });
}

/** A write with every mention of a temporary id (its task, a parent, a project, a move's anchor) replaced by the saved one's. */
export function renamed<W extends OutboxWrite>(write: W, tempId: string, id: string): W {
  const name = (value: string | null | undefined) => (value === tempId ? id : value);
  const next = { ...write, task: name(write.task)! };
  if (next.kind === 'create') {
    if (next.body.parent_id) next.body = { ...next.body, parent_id: name(next.body.parent_id) };
    if (next.body.project_id) next.body = { ...next.body, project_id: name(next.body.project_id) };
  }
  if (next.kind === 'update') {
    if (next.changes.parent_id) next.changes = { ...next.changes, parent_id: name(next.changes.parent_id) };
    if (next.changes.project_id) next.changes = { ...next.changes, project_id: name(next.changes.project_id) };
  }
  if (next.kind === 'move' && !('to' in next.move)) next.move = 'before' in next.move ? { before: name(next.move.before)! } : { after: name(next.move.after)! };
  return next;
}
