import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Label, Project } from '@/lib/client/api';
import type { ListWrite, Lists } from '@/lib/client/lists';
import { LocalCopy, forgetLocalData, type AnyWrite, type ListSent, type OutboxEvent, type Sent, type Server } from '@/lib/client/local-copy';
import { isTemporary, type OutboxWrite } from '@/lib/client/outbox';
import type { Task } from '@/lib/client/task';

// The device's copy and its outbox on fake-indexeddb, against a fake server that keeps tasks
// as the API does (versions, If-Match, Idempotency-Key, the changes feed) and can be cut off,
// or lose an answer after doing the work.

const USER = '00000000-0000-4000-8000-000000000001';
let ids = 0;
const uuid = () => `00000000-0000-4000-8000-${String(++ids).padStart(12, '0')}`;

class FakeServer implements Server {
  readonly tasks = new Map<string, Task>();
  /** Ids changed (or deleted) at each version, for the feed. */
  private readonly log: { version: number; id: string }[] = [];
  private version = 0;
  private readonly keys = new Map<string, Task>();
  readonly asked: (string | undefined)[] = [];
  readonly sent: AnyWrite[] = [];
  /** The person's projects in their sidebar order, and labels; names unique whatever their case (`409`). */
  projects: Project[] = [];
  labels: Label[] = [];
  down = false;
  /** The next write is done, and its answer lost on the way back. */
  loseNextAnswer = false;
  /** Status to refuse the next write with. */
  refuseNext: { status: number; message: string } | null = null;

  save(task: Task): Task {
    this.version += 1;
    const saved = { ...task, etag: `"${this.version}"`, updated_at: new Date(Date.UTC(2026, 11, 1, 0, 0, this.version)).toISOString() };
    this.tasks.set(saved.id, saved);
    this.log.push({ version: this.version, id: saved.id });
    return saved;
  }

  remove(id: string): void {
    this.version += 1;
    this.tasks.delete(id);
    this.log.push({ version: this.version, id });
  }

  /** A task saved by another device. */
  add(title: string, fields: Partial<Task> = {}): Task {
    return this.save({ ...blank(), id: uuid(), title, position: `P${String(this.version).padStart(4, '0')}`, ...fields });
  }

  changes = async (since: string | undefined) => {
    this.asked.push(since);
    if (this.down) throw new TypeError('Failed to fetch');
    const after = Number(since ?? 0);
    const touched = new Set(this.log.filter((entry) => entry.version > after).map((entry) => entry.id));
    const changes = [...touched].filter((id) => this.tasks.has(id)).map((id) => this.tasks.get(id)!);
    const deleted = since === undefined ? [] : [...touched].filter((id) => !this.tasks.has(id));
    return { status: 200, body: { changes, deleted, projects: [], deleted_projects: [], cursor: String(this.version), more: false } };
  };

  async task(id: string): Promise<Task | null> {
    if (this.down) throw new TypeError('Failed to fetch');
    return this.tasks.get(id) ?? null;
  }

  async send(write: OutboxWrite): Promise<Sent> {
    return this.answer(write, () => this.apply(write));
  }

  async sendList(write: ListWrite): Promise<ListSent> {
    return this.answer(write, () => this.applyList(write));
  }

  /** A write reaching the server (or not): cut off, refused, done, or done with its answer lost. */
  private answer<T>(write: AnyWrite, apply: () => T): T | { ok: false; status: number; message: string } {
    if (this.down) return { ok: false, status: 0, message: 'Could not reach the server.' };
    this.sent.push(write);
    if (this.refuseNext) {
      const { status, message } = this.refuseNext;
      this.refuseNext = null;
      return { ok: false, status, message };
    }
    const answer = apply();
    if (this.loseNextAnswer) {
      this.loseNextAnswer = false;
      return { ok: false, status: 0, message: 'Could not reach the server.' };
    }
    return answer;
  }

  async lists(): Promise<Lists> {
    if (this.down) throw new TypeError('Failed to fetch');
    return { projects: [...this.projects], labels: [...this.labels] };
  }

  private applyList(write: ListWrite): ListSent {
    const taken = (items: { id: string; name: string }[], name: string | undefined, id?: string) =>
      name !== undefined && items.some((item) => item.id !== id && item.name.toLowerCase() === name.toLowerCase());
    const now = new Date(Date.UTC(2026, 11, 1)).toISOString();
    switch (write.kind) {
      case 'project-create': {
        if (taken(this.projects, write.body.name)) return { ok: false, status: 409, message: 'A project with that name exists.' };
        const project: Project = { id: uuid(), ...write.body, role: 'owner', shared: false, open_count: 0, position: 'P', created_at: now, updated_at: now };
        this.projects.push(project);
        return { ok: true, item: project };
      }
      case 'project-update':
      case 'project-move':
      case 'project-delete': {
        const at = this.projects.findIndex((p) => p.id === write.project);
        if (at === -1) return { ok: false, status: 404, message: 'Project not found.' };
        if (write.kind === 'project-delete') {
          this.projects.splice(at, 1);
          for (const task of [...this.tasks.values()]) if (task.project_id === write.project) this.remove(task.id);
          return { ok: true, item: null };
        }
        if (write.kind === 'project-move') return { ok: true, item: this.projects[at]! };
        if (taken(this.projects, write.changes.name ?? undefined, write.project)) return { ok: false, status: 409, message: 'A project with that name exists.' };
        this.projects[at] = { ...this.projects[at]!, ...(write.changes as Partial<Project>) };
        return { ok: true, item: this.projects[at]! };
      }
      case 'label-create': {
        if (taken(this.labels, write.body.name)) return { ok: false, status: 409, message: 'A label with that name exists.' };
        const label: Label = { id: uuid(), ...write.body, task_count: 0, created_at: now };
        this.labels.push(label);
        return { ok: true, item: label };
      }
      case 'label-update':
      case 'label-delete': {
        const label = this.labels.find((l) => l.id === write.label);
        if (!label) return { ok: false, status: 404, message: 'Label not found.' };
        if (write.kind === 'label-update' && taken(this.labels, write.changes.name ?? undefined, label.id)) return { ok: false, status: 409, message: 'A label with that name exists.' };
        const name = write.kind === 'label-update' ? (write.changes.name ?? label.name) : null;
        for (const task of [...this.tasks.values()]) {
          if (!task.labels.includes(label.name)) continue;
          this.save({ ...task, labels: name ? task.labels.map((l) => (l === label.name ? name : l)) : task.labels.filter((l) => l !== label.name) });
        }
        if (!name) {
          this.labels = this.labels.filter((l) => l !== label);
          return { ok: true, item: null };
        }
        if (write.kind === 'label-update') Object.assign(label, write.changes);
        return { ok: true, item: label };
      }
    }
  }

  private apply(write: OutboxWrite): Sent {
    if (write.kind === 'create') {
      const known = this.keys.get(write.key);
      if (known) return { ok: true, task: known };
      if (isTemporary(write.body.parent_id ?? '') || isTemporary(write.body.project_id ?? '')) return { ok: false, status: 422, message: 'must be a UUID' };
      const task = this.add(write.body.title, {
        project_id: write.body.project_id ?? null,
        parent_id: write.body.parent_id ?? null,
        labels: write.body.labels ?? [],
        position: '0' + String(1000 - this.version),
      });
      this.keys.set(write.key, task);
      return { ok: true, task };
    }
    const task = this.tasks.get(write.task);
    if (!task) return { ok: false, status: 404, message: 'This task no longer exists.' };
    if ('ifMatch' in write && write.ifMatch && write.ifMatch !== task.etag) return { ok: false, status: 412, message: 'Changed elsewhere.' };
    switch (write.kind) {
      case 'update':
        if (isTemporary(write.changes.project_id ?? '')) return { ok: false, status: 422, message: 'project_id: must be a UUID' };
        return { ok: true, task: this.save({ ...task, ...(write.changes as Partial<Task>) }) };
      case 'toggle':
        // PATCH {completed}: a repeating task moves on a day and stays open.
        if (write.completed && task.repeat) return { ok: true, task: this.save({ ...task, due_date: nextDay(task.due_date!) }) };
        return { ok: true, task: this.save({ ...task, completed: write.completed }) };
      case 'move':
        return { ok: true, task: this.save({ ...task, position: 'to' in write.move ? (write.move.to === 'top' ? '0' : 'z') : task.position }) };
      case 'delete':
        this.remove(task.id);
        return { ok: true, task: null };
    }
  }
}

function nextDay(date: string): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
}

function blank(): Task {
  return {
    id: '',
    user_id: USER,
    title: '',
    description: null,
    completed: false,
    due_date: null,
    due_time: null,
    priority: 'none',
    labels: [],
    reminders: [],
    repeat: null,
    position: 'V',
    project_id: null,
    parent_id: null,
    assignee_id: null,
    created_at: '2026-12-01T00:00:00.000Z',
    updated_at: '2026-12-01T00:00:00.000Z',
    etag: '',
  };
}

let server: FakeServer;
const open: LocalCopy[] = [];

async function openCopy(userId = USER): Promise<LocalCopy> {
  const copy = await LocalCopy.open(userId, server);
  open.push(copy);
  return copy;
}

function titles(copy: LocalCopy): string[] {
  return [...copy.tasks.values()].map((t) => t.title).sort();
}

/** What the copy tells the page, but the saves (which every sent write makes). */
function events(copy: LocalCopy): OutboxEvent[] {
  const heard: OutboxEvent[] = [];
  copy.onEvent((event) => {
    if (event.kind !== 'saved') heard.push(event);
  });
  return heard;
}

/**
 * Runs `work`, and `write` once, right after the first read-write transaction `work` begins
 * while `when()` holds: a write the person makes while that transaction reads and stores.
 * Resolves to whether the write was made.
 */
async function writeWhileStoring(work: () => Promise<unknown>, write: () => Promise<void>, when: () => boolean = () => true): Promise<boolean> {
  const proto = IDBDatabase.prototype;
  const original = proto.transaction;
  let made: Promise<void> | undefined;
  proto.transaction = function (this: IDBDatabase, ...args: Parameters<typeof original>) {
    const tx = original.apply(this, args);
    if (args[1] === 'readwrite' && when()) {
      proto.transaction = original;
      made = write();
    }
    return tx;
  } as typeof original;
  try {
    await work();
    await made;
  } finally {
    proto.transaction = original;
  }
  return made !== undefined;
}

const create = (title: string, fields: Partial<Extract<OutboxWrite, { kind: 'create' }>['body']> = {}): Extract<OutboxWrite, { kind: 'create' }> => ({
  kind: 'create',
  task: `temp-${uuid()}`,
  body: { title, ...fields },
  key: `key-${uuid()}`,
});

beforeEach(() => {
  globalThis.indexedDB = new IDBFactory();
  server = new FakeServer();
});

afterEach(() => {
  for (const copy of open.splice(0)) copy.close();
});

describe('the local copy', () => {
  it('is filled by one full sync, and a reopened copy shows it at once and asks only for what changed since', async () => {
    server.add('Pay rent');
    server.add('Call mum');
    const first = await openCopy();
    expect(first.synced).toBe(false);
    await first.catchUp();
    expect(titles(first)).toEqual(['Call mum', 'Pay rent']);
    first.close();

    server.add('Water plants');
    const second = await openCopy();
    // Before any request: what the last visit left.
    expect(titles(second)).toEqual(['Call mum', 'Pay rent']);
    expect(second.synced).toBe(true);
    await second.catchUp();
    expect(titles(second)).toEqual(['Call mum', 'Pay rent', 'Water plants']);
    expect(server.asked).toEqual([undefined, '2']);
  });

  it("clears another person's copy left on the device", async () => {
    server.add('Mine');
    const mine = await openCopy();
    await mine.catchUp();
    await mine.queue(create('Waiting'));
    mine.close();
    const theirs = await openCopy('00000000-0000-4000-8000-0000000000ff');
    expect(theirs.tasks.size).toBe(0);
    expect(theirs.waiting).toBe(0);
  });

  it('forgetLocalData leaves no task and no write on the device', async () => {
    server.add('Secret plans');
    const copy = await openCopy();
    await copy.catchUp();
    await copy.queue(create('More plans'));
    copy.close();
    await forgetLocalData();
    const databases = await indexedDB.databases();
    expect(databases).toEqual([]);
  });
});

describe('the outbox', () => {
  it('shows a write at once, keeps it across a reopen while offline, and sends it exactly once when back', async () => {
    const copy = await openCopy();
    await copy.catchUp();
    server.down = true;
    await copy.queue(create('Buy milk'));
    expect(titles(copy)).toEqual(['Buy milk']);
    expect(copy.waiting).toBe(1);
    expect(await copy.flush()).toBe('waiting');
    copy.close();

    const reopened = await openCopy();
    expect(titles(reopened)).toEqual(['Buy milk']);
    expect(reopened.waiting).toBe(1);
    server.down = false;
    expect(await reopened.flush()).toBe('sent');
    expect([...server.tasks.values()].map((t) => t.title)).toEqual(['Buy milk']);
    const [saved] = [...reopened.tasks.values()];
    expect(saved!.id).toBe([...server.tasks.keys()][0]);
    expect(reopened.waiting).toBe(0);
    // Sent again: nothing more.
    expect(await reopened.flush()).toBe('sent');
    expect(server.sent).toHaveLength(1);
  });

  it('retries a create whose answer was lost with the same Idempotency-Key: one task', async () => {
    const copy = await openCopy();
    await copy.catchUp();
    await copy.queue(create('Book flights'));
    server.loseNextAnswer = true;
    expect(await copy.flush()).toBe('waiting');
    expect(server.tasks.size).toBe(1);
    expect(await copy.flush()).toBe('sent');
    expect(server.tasks.size).toBe(1);
    expect(server.sent.map((w) => w.kind)).toEqual(['create', 'create']);
    expect(titles(copy)).toEqual(['Book flights']);
  });

  it('sends edits, completion and subtasks made on a task created offline, renamed to its saved id', async () => {
    const copy = await openCopy();
    await copy.catchUp();
    server.down = true;
    const parent = create('Trip');
    await copy.queue(parent);
    await copy.queue({ kind: 'update', task: parent.task, changes: { title: 'Trip to Rome' }, ifMatch: '' });
    const child = create('Pack', { parent_id: parent.task });
    await copy.queue(child);
    await copy.queue({ kind: 'toggle', task: parent.task, completed: true, due: null, ifMatch: '' });
    expect(copy.tasks.get(child.task)).toMatchObject({ parent_id: parent.task, completed: true });

    server.down = false;
    expect(await copy.flush()).toBe('sent');
    const saved = [...server.tasks.values()];
    const trip = saved.find((t) => t.title === 'Trip to Rome')!;
    expect(trip).toMatchObject({ completed: true });
    expect(saved.find((t) => t.title === 'Pack')).toMatchObject({ parent_id: trip.id });
    expect([...copy.tasks.keys()].some(isTemporary)).toBe(false);
    expect(copy.tasks.get(trip.id)).toMatchObject({ title: 'Trip to Rome', completed: true });
    // Its row keeps the key it was drawn with; another tab reading the copy knows it too while writes wait.
    expect(copy.rowKey(trip.id)).toBe(parent.task);
    const other = uuid();
    expect(copy.rowKey(other)).toBe(other);
    // A write made from a page opened before the save (a details dialog) names the temporary id: it is made on the saved task.
    await copy.queue({ kind: 'update', task: parent.task, changes: { description: 'in May' }, ifMatch: '' });
    expect(copy.tasks.get(trip.id)).toMatchObject({ description: 'in May' });
    expect(await copy.flush()).toBe('sent');
    expect(server.tasks.get(trip.id)).toMatchObject({ title: 'Trip to Rome', description: 'in May' });
  });

  it('a 412 from an edit made elsewhere is a conflict kept until the person decides; applied, it is sent on the newer version', async () => {
    const task = server.add('Draft report');
    const copy = await openCopy();
    await copy.catchUp();
    server.save({ ...server.tasks.get(task.id)!, title: 'Final report' });
    await copy.queue({ kind: 'update', task: task.id, changes: { description: 'with charts' }, ifMatch: task.etag });
    await copy.queue({ kind: 'toggle', task: task.id, completed: true, due: null, ifMatch: task.etag });
    expect(copy.tasks.get(task.id)).toMatchObject({ description: 'with charts', completed: true });
    expect(await copy.flush()).toBe('sent');
    // The edit is not applied; the completion, still meant, is.
    expect(server.tasks.get(task.id)).toMatchObject({ title: 'Final report', description: null, completed: true });
    expect(copy.tasks.get(task.id)).toEqual(server.tasks.get(task.id));
    expect(copy.conflicts).toEqual([{ newer: expect.objectContaining({ title: 'Final report' }), changes: { description: 'with charts' } }]);
    copy.close();

    // It outlives the page, and applying it sends it on the version it was shown with.
    const reopened = await openCopy();
    expect(reopened.conflicts).toHaveLength(1);
    server.save({ ...server.tasks.get(task.id)! });
    await reopened.catchUp();
    await reopened.resolveConflict(task.id, true);
    expect(reopened.conflicts).toEqual([]);
    await reopened.flush();
    expect(reopened.conflicts).toHaveLength(1);
    // Dismissed, it is gone.
    await reopened.resolveConflict(task.id, false);
    expect(reopened.conflicts).toEqual([]);
    expect(server.tasks.get(task.id)!.description).toBe(null);
  });

  it("a write made from a page drawn before this tab's last save of the task is made on the saved version, not refused", async () => {
    const task = server.add('Buy paint');
    const copy = await openCopy();
    await copy.catchUp();
    await copy.queue({ kind: 'update', task: task.id, changes: { title: 'Buy blue paint' }, ifMatch: task.etag });
    await copy.flush();
    // The page had not drawn the saved version yet: it still names the one before.
    await copy.queue({ kind: 'update', task: task.id, changes: { description: 'two tins' }, ifMatch: task.etag });
    await copy.flush();
    expect(copy.conflicts).toEqual([]);
    expect(server.tasks.get(task.id)).toMatchObject({ title: 'Buy blue paint', description: 'two tins' });
  });

  it("a write made from a page drawn before a save, queued while that save's answer is stored, is made on the saved version", async () => {
    const task = server.add('Buy paint');
    const copy = await openCopy();
    await copy.catchUp();
    await copy.queue({ kind: 'update', task: task.id, changes: { parent_id: null, title: 'Buy blue paint' }, ifMatch: task.etag });
    // The next keypress comes while the answer is being stored: the row still shows the version before.
    const made = await writeWhileStoring(
      () => copy.flush(),
      () => copy.queue({ kind: 'update', task: task.id, changes: { description: 'two tins' }, ifMatch: task.etag }),
    );
    expect(made).toBe(true);
    expect(await copy.flush()).toBe('sent');
    expect(copy.conflicts).toEqual([]);
    expect(server.tasks.get(task.id)).toMatchObject({ title: 'Buy blue paint', description: 'two tins' });
  });

  it('a write made in one tab on a version another tab has since saved over is made on the saved version', async () => {
    const task = server.add('Buy paint');
    const one = await openCopy();
    const two = await openCopy();
    await one.catchUp();
    await two.reload();
    await one.queue({ kind: 'update', task: task.id, changes: { title: 'Buy blue paint' }, ifMatch: task.etag });
    await one.flush();
    // The second tab's page was drawn before the save.
    await two.queue({ kind: 'update', task: task.id, changes: { description: 'two tins' }, ifMatch: task.etag });
    expect(await two.flush()).toBe('sent');
    expect(two.conflicts).toEqual([]);
    expect(server.tasks.get(task.id)).toMatchObject({ title: 'Buy blue paint', description: 'two tins' });
  });

  it('a repeating task whose completion answer was lost moves on once', async () => {
    const task = server.add('Water plants', { due_date: '2026-12-05', repeat: { every: 'day', interval: 1 } });
    const copy = await openCopy();
    await copy.catchUp();
    await copy.queue({ kind: 'toggle', task: task.id, completed: true, due: task.due_date, ifMatch: task.etag });
    server.loseNextAnswer = true;
    expect(await copy.flush()).toBe('waiting');
    expect(await copy.flush()).toBe('sent');
    expect(server.tasks.get(task.id)).toMatchObject({ due_date: '2026-12-06', completed: false });
    expect(copy.tasks.get(task.id)).toEqual(server.tasks.get(task.id));
  });

  it('a delete queued behind an edit of the same task keeps it deleted when the edit is saved', async () => {
    const task = server.add('Old plan');
    const copy = await openCopy();
    await copy.catchUp();
    server.down = true;
    await copy.queue({ kind: 'update', task: task.id, changes: { title: 'Older plan' }, ifMatch: task.etag });
    await copy.queue({ kind: 'delete', task: task.id });
    server.down = false;
    // Only the edit is sent before the page looks.
    const sendAll = server.send.bind(server);
    let sent = 0;
    server.send = async (write) => (sent++ === 0 ? sendAll(write) : { ok: false, status: 503, message: 'busy' });
    expect(await copy.flush()).toBe('waiting');
    expect(copy.tasks.has(task.id)).toBe(false);
    server.send = sendAll;
    expect(await copy.flush()).toBe('sent');
    expect(server.tasks.has(task.id)).toBe(false);
    expect(copy.tasks.has(task.id)).toBe(false);
  });

  it('a refused completion puts its subtasks back as the server has them', async () => {
    const parent = server.add('Move house');
    const child = server.add('Pack books', { parent_id: parent.id });
    const copy = await openCopy();
    await copy.catchUp();
    await copy.queue({ kind: 'toggle', task: parent.id, completed: true, due: null, ifMatch: parent.etag });
    expect(copy.tasks.get(child.id)!.completed).toBe(true);
    server.refuseNext = { status: 403, message: 'You may only read this project.' };
    await copy.flush();
    expect(copy.tasks.get(parent.id)!.completed).toBe(false);
    expect(copy.tasks.get(child.id)!.completed).toBe(false);
  });

  it('an edit whose answer was lost is done, not a conflict', async () => {
    const task = server.add('Renew passport');
    const copy = await openCopy();
    await copy.catchUp();
    const heard = events(copy);
    await copy.queue({ kind: 'update', task: task.id, changes: { title: 'Renew passport soon' }, ifMatch: task.etag });
    server.loseNextAnswer = true;
    expect(await copy.flush()).toBe('waiting');
    expect(await copy.flush()).toBe('sent');
    expect(heard).toEqual([]);
    expect(copy.tasks.get(task.id)).toEqual(server.tasks.get(task.id));
  });

  it('a completion whose answer was lost is not sent a second time (which would reopen it)', async () => {
    const task = server.add('Take out bins');
    const copy = await openCopy();
    await copy.catchUp();
    await copy.queue({ kind: 'toggle', task: task.id, completed: true, due: task.due_date, ifMatch: task.etag });
    server.loseNextAnswer = true;
    await copy.flush();
    await copy.flush();
    expect(server.tasks.get(task.id)!.completed).toBe(true);
    expect(copy.tasks.get(task.id)!.completed).toBe(true);
  });

  it('a refused write is dropped, said, and the copy shows the server version again', async () => {
    const task = server.add('Plan party');
    const copy = await openCopy();
    await copy.catchUp();
    const heard = events(copy);
    await copy.queue({ kind: 'update', task: task.id, changes: { title: 'x'.repeat(10) }, ifMatch: task.etag });
    server.refuseNext = { status: 422, message: 'The server did not accept that: title: too long.' };
    expect(await copy.flush()).toBe('sent');
    expect(copy.tasks.get(task.id)!.title).toBe('Plan party');
    expect(copy.waiting).toBe(0);
    expect(heard).toEqual([{ kind: 'refused', message: 'Could not save “xxxxxxxxxx”. The server did not accept that: title: too long.' }]);
  });

  it('a write to a task the person lost (a project they were removed from) is refused and the task leaves the copy', async () => {
    const task = server.add('Shared work', { project_id: uuid() });
    const copy = await openCopy();
    await copy.catchUp();
    const heard = events(copy);
    server.down = true;
    await copy.queue({ kind: 'toggle', task: task.id, completed: true, due: task.due_date, ifMatch: task.etag });
    server.down = false;
    server.remove(task.id);
    // The feed's tombstone waits for the write's answer.
    await copy.catchUp();
    expect(copy.tasks.has(task.id)).toBe(true);
    await copy.flush();
    expect(copy.tasks.has(task.id)).toBe(false);
    expect(heard).toEqual([{ kind: 'refused', message: 'Could not complete “Shared work”. This task no longer exists.' }]);
  });

  it('the feed does not overwrite a task with writes waiting; the answer to them does', async () => {
    const task = server.add('Garden');
    const copy = await openCopy();
    await copy.catchUp();
    server.down = true;
    await copy.queue({ kind: 'update', task: task.id, changes: { description: 'roses' }, ifMatch: task.etag });
    server.down = false;
    server.add('Other');
    await copy.catchUp();
    expect(copy.tasks.get(task.id)!.description).toBe('roses');
    await copy.flush();
    expect(copy.tasks.get(task.id)).toEqual(server.tasks.get(task.id));
    expect(server.tasks.get(task.id)!.description).toBe('roses');
  });

  it("a write made while the feed's catch-up stores what it read stays shown (the catch-up read the outbox before it)", async () => {
    const task = server.add('Water plants');
    const copy = await openCopy();
    await copy.catchUp();
    server.save({ ...server.tasks.get(task.id)!, description: 'on the balcony' });
    // The person completes the task just after the catch-up's transaction began: its reads do not see the write.
    const clicked = await writeWhileStoring(
      () => copy.catchUp(),
      () => copy.queue({ kind: 'toggle', task: task.id, completed: true, due: null, ifMatch: task.etag }),
    );
    expect(clicked).toBe(true);
    expect(copy.tasks.get(task.id)!.completed).toBe(true);
    expect(copy.waiting).toBe(1);
    // The completion meets the newer version (a 412), is still meant, and is made on it.
    await copy.flush();
    expect(server.tasks.get(task.id)).toMatchObject({ completed: true, description: 'on the balcony' });
    expect(copy.tasks.get(task.id)).toEqual(server.tasks.get(task.id));
  });

  it('a write made on a new task while its save is being stored goes to the saved task, and leaves no temporary copy behind', async () => {
    const copy = await openCopy();
    await copy.catchUp();
    const made = create('Book flights');
    await copy.queue(made);
    // The person saves the details dialog (opened on the temporary id) just as the answer is being stored.
    const edited = await writeWhileStoring(
      () => copy.flush(),
      () => copy.queue({ kind: 'update', task: made.task, changes: { description: 'window seat' }, ifMatch: '' }),
      () => server.tasks.size === 1,
    );
    expect(edited).toBe(true);
    const [saved] = [...server.tasks.values()];
    expect([...copy.tasks.keys()]).toEqual([saved!.id]);
    expect(copy.tasks.get(saved!.id)).toMatchObject({ title: 'Book flights', description: 'window seat' });
    expect(await copy.flush()).toBe('sent');
    expect(server.tasks.get(saved!.id)).toMatchObject({ description: 'window seat' });
    expect(copy.rowKey(saved!.id)).toBe(made.task);
  });

  it('shows reminders set offline at once, relative ones only while the task has a date', async () => {
    const task = server.add('Dentist', { due_date: '2026-12-10' });
    const copy = await openCopy();
    await copy.catchUp();
    server.down = true;
    await copy.queue({ kind: 'update', task: task.id, changes: { reminders: [{ minutes_before: 60 }, { at: '2026-12-09T08:00:00.000Z' }] }, ifMatch: task.etag });
    expect(copy.tasks.get(task.id)!.reminders).toEqual([
      { id: 'local-reminder-0', minutes_before: 60 },
      { id: 'local-reminder-1', at: '2026-12-09T08:00:00.000Z' },
    ]);
    await copy.queue({ kind: 'update', task: task.id, changes: { due_date: null }, ifMatch: task.etag });
    expect(copy.tasks.get(task.id)!.reminders).toEqual([{ id: 'local-reminder-1', at: '2026-12-09T08:00:00.000Z' }]);
  });

  it('a project made offline shows at once; a task added to it and a rename wait behind it, and reach the server once under its saved id', async () => {
    const copy = await openCopy();
    await copy.catchUp();
    await copy.refreshLists(async () => ({ projects: [], labels: [] }));
    server.down = true;
    const project = 'temp-project-1';
    await copy.queue({ kind: 'project-create', project, body: { name: 'Garden', color: 'green' } });
    const task = create('Plant roses', { project_id: project });
    await copy.queue(task);
    await copy.queue({ kind: 'project-update', project, changes: { name: 'Back garden' } });
    expect(copy.lists!.projects).toMatchObject([{ id: project, name: 'Back garden', color: 'green', role: 'owner' }]);
    expect(copy.tasks.get(task.task)).toMatchObject({ project_id: project });
    expect(copy.waiting).toBe(3);

    // A reload keeps them; back online, they go in order.
    copy.close();
    const reopened = await openCopy();
    expect(reopened.lists!.projects.map((p) => p.name)).toEqual(['Back garden']);
    server.down = false;
    expect(await reopened.flush()).toBe('sent');
    expect(server.projects).toMatchObject([{ name: 'Back garden', color: 'green' }]);
    const saved = server.projects[0]!.id;
    expect([...server.tasks.values()]).toMatchObject([{ title: 'Plant roses', project_id: saved }]);
    expect(server.sent.map((w) => w.kind)).toEqual(['project-create', 'create', 'project-update']);
    expect(reopened.lists!.projects).toMatchObject([{ id: saved, name: 'Back garden' }]);
    expect([...reopened.tasks.values()]).toMatchObject([{ title: 'Plant roses', project_id: saved }]);
    expect(reopened.savedId(project)).toBe(saved);
    // A write made afterwards from a page still naming the temporary id goes to the saved project.
    await reopened.queue(create('Water roses', { project_id: project }));
    await reopened.flush();
    expect([...server.tasks.values()].map((t) => t.project_id)).toEqual([saved, saved]);
  });

  it('a project whose create answer was lost is found by its name, not made twice', async () => {
    const copy = await openCopy();
    await copy.refreshLists(async () => ({ projects: [], labels: [] }));
    const heard = events(copy);
    await copy.queue({ kind: 'project-create', project: 'temp-project-2', body: { name: 'Trips', color: 'blue' } });
    server.loseNextAnswer = true;
    expect(await copy.flush()).toBe('waiting');
    expect(await copy.flush()).toBe('sent');
    expect(server.projects).toHaveLength(1);
    expect(copy.lists!.projects).toEqual(server.projects);
    expect(heard).toEqual([]);
  });

  it('a project made offline whose name was taken meanwhile on another device is refused, not merged into that one', async () => {
    const copy = await openCopy();
    await copy.catchUp();
    await copy.refreshLists(() => server.lists());
    const heard = events(copy);
    server.down = true;
    await copy.queue({ kind: 'project-create', project: 'temp-project-5', body: { name: 'Garden', color: 'green' } });
    const task = create('Plant roses', { project_id: 'temp-project-5' });
    await copy.queue(task);
    await copy.queue({ kind: 'project-delete', project: 'temp-project-5' });
    // Meanwhile, the laptop makes its own Garden, with a task in it.
    const theirs: Project = { id: uuid(), name: 'Garden', color: 'green', role: 'owner', shared: false, open_count: 1, position: 'a', created_at: '2026-12-01T00:00:00.000Z', updated_at: '2026-12-01T00:00:00.000Z' };
    server.projects.push(theirs);
    server.add('Mow the lawn', { project_id: theirs.id });
    server.down = false;
    expect(await copy.flush()).toBe('sent');
    expect(server.projects).toEqual([theirs]);
    // Its task went with it (the person deleted it here too); the laptop's are untouched.
    expect([...server.tasks.values()].map((t) => [t.title, t.project_id])).toEqual([['Mow the lawn', theirs.id]]);
    expect(copy.waiting).toBe(0);
    expect(heard).toEqual([{ kind: 'refused', message: 'Could not add the project “Garden”. A project with that name exists.' }]);
  });

  it('labels made, renamed and deleted offline show at once on the tasks that carry them, and are sent in order', async () => {
    server.add('Buy milk', { labels: ['errand'] });
    server.labels.push({ id: uuid(), name: 'errand', color: 'grey', task_count: 1, created_at: '2026-12-01T00:00:00.000Z' });
    const copy = await openCopy();
    await copy.catchUp();
    await copy.refreshLists(() => server.lists());
    server.down = true;
    await copy.queue({ kind: 'label-create', label: 'temp-label-1', body: { name: 'home', color: 'teal' } });
    await copy.queue({ kind: 'label-update', label: server.labels[0]!.id, was: 'errand', changes: { name: 'shopping', color: 'red' } });
    await copy.queue({ kind: 'label-update', label: 'temp-label-1', was: 'home', changes: { color: 'pink' } });
    expect(copy.lists!.labels.map((l) => [l.name, l.color])).toEqual([
      ['home', 'pink'],
      ['shopping', 'red'],
    ]);
    expect([...copy.tasks.values()].map((t) => t.labels)).toEqual([['shopping']]);
    server.down = false;
    expect(await copy.flush()).toBe('sent');
    expect(server.labels.map((l) => [l.name, l.color]).sort()).toEqual([
      ['home', 'pink'],
      ['shopping', 'red'],
    ]);
    expect([...server.tasks.values()].map((t) => t.labels)).toEqual([['shopping']]);
    await copy.queue({ kind: 'label-delete', label: server.labels[0]!.id, was: 'shopping' });
    expect([...copy.tasks.values()].map((t) => t.labels)).toEqual([[]]);
    await copy.flush();
    expect(server.labels.map((l) => l.name)).toEqual(['home']);
    expect(copy.lists!.labels.map((l) => l.name)).toEqual(['home']);
  });

  it("a refused project rename is said, and the sidebar shows the server's name again", async () => {
    server.projects.push({ id: uuid(), name: 'Home', color: 'grey', role: 'owner', shared: false, open_count: 0, position: 'a', created_at: '2026-12-01T00:00:00.000Z', updated_at: '2026-12-01T00:00:00.000Z' });
    const copy = await openCopy();
    await copy.refreshLists(() => server.lists());
    const heard = events(copy);
    await copy.queue({ kind: 'project-update', project: server.projects[0]!.id, changes: { name: 'House' } });
    expect(copy.lists!.projects.map((p) => p.name)).toEqual(['House']);
    server.refuseNext = { status: 409, message: "The project's owner already has a project with this name." };
    expect(await copy.flush()).toBe('sent');
    expect(copy.lists!.projects.map((p) => p.name)).toEqual(['Home']);
    expect(heard).toEqual([{ kind: 'refused', message: "Could not change the project “Home”. The project's owner already has a project with this name." }]);
    expect(copy.waiting).toBe(0);
  });

  it('a project the server refuses to make leaves the tasks added to it in the Inbox', async () => {
    const copy = await openCopy();
    await copy.catchUp();
    await copy.refreshLists(async () => ({ projects: [], labels: [] }));
    const heard = events(copy);
    await copy.queue({ kind: 'project-create', project: 'temp-project-3', body: { name: 'One too many', color: 'grey' } });
    await copy.queue(create('Kept anyway', { project_id: 'temp-project-3' }));
    server.refuseNext = { status: 422, message: 'You have 300 projects, the most there can be.' };
    expect(await copy.flush()).toBe('sent');
    expect(copy.lists!.projects).toEqual([]);
    expect([...server.tasks.values()]).toMatchObject([{ title: 'Kept anyway', project_id: null }]);
    expect([...copy.tasks.values()]).toMatchObject([{ title: 'Kept anyway', project_id: null }]);
    expect(heard).toEqual([{ kind: 'refused', message: 'Could not add the project “One too many”. You have 300 projects, the most there can be.' }]);
  });

  it('a task moved into a project the server refuses to make stays in its list, with the rest of its edit', async () => {
    const task = server.add('Pay rent');
    const copy = await openCopy();
    await copy.catchUp();
    await copy.refreshLists(() => server.lists());
    await copy.queue({ kind: 'project-create', project: 'temp-project-6', body: { name: 'Bills', color: 'grey' } });
    await copy.queue({ kind: 'update', task: task.id, changes: { project_id: 'temp-project-6', title: 'Pay the rent' }, ifMatch: task.etag });
    expect(copy.tasks.get(task.id)!.project_id).toBe('temp-project-6');
    server.refuseNext = { status: 422, message: 'You own 300 projects.' };
    expect(await copy.flush()).toBe('sent');
    expect(server.tasks.get(task.id)).toMatchObject({ title: 'Pay the rent', project_id: null });
    await copy.catchUp();
    expect(copy.tasks.get(task.id)).toMatchObject({ title: 'Pay the rent', project_id: null });
    expect(server.sent.filter((w) => w.kind === 'update').map((w) => 'changes' in w && w.changes)).toEqual([{ title: 'Pay the rent' }]);
  });

  it('lists fetched while a project is saved, in this tab or another, do not hide it', async () => {
    const one = await openCopy();
    const two = await openCopy();
    await one.refreshLists(async () => ({ projects: [], labels: [] }));
    for (const [tab, saver] of [
      [one, one],
      [one, two],
    ] as const) {
      let answer: (lists: Lists) => void = () => {};
      const fetched = server.lists();
      const refreshing = tab.refreshLists(() => new Promise<Lists>((resolve) => (answer = resolve)));
      const name = `Reading ${saver === one ? 'here' : 'there'}`;
      await saver.queue({ kind: 'project-create', project: `temp-project-${name.length}${saver === one ? 1 : 2}`, body: { name, color: 'grey' } });
      await saver.flush();
      answer(await fetched);
      await refreshing;
      await tab.reload();
      expect(tab.lists!.projects.map((p) => p.name)).toContain(name);
    }
  });

  it('a project deleted offline takes its tasks off the device at once', async () => {
    server.projects.push({ id: uuid(), name: 'Old', color: 'grey', role: 'owner', shared: false, open_count: 1, position: 'a', created_at: '2026-12-01T00:00:00.000Z', updated_at: '2026-12-01T00:00:00.000Z' });
    server.add('In old', { project_id: server.projects[0]!.id });
    server.add('In the Inbox');
    const copy = await openCopy();
    await copy.catchUp();
    await copy.refreshLists(() => server.lists());
    server.down = true;
    await copy.queue({ kind: 'project-delete', project: server.projects[0]!.id });
    expect(titles(copy)).toEqual(['In the Inbox']);
    expect(copy.lists!.projects).toEqual([]);
    server.down = false;
    // Another device edits a task of the project before the delete is sent: the feed does not bring it back.
    const inOld = [...server.tasks.values()].find((t) => t.title === 'In old')!;
    server.save({ ...inOld, description: 'edited elsewhere' });
    await copy.catchUp();
    expect(titles(copy)).toEqual(['In the Inbox']);
    await copy.flush();
    expect(server.projects).toEqual([]);
    expect([...server.tasks.values()].map((t) => t.title)).toEqual(['In the Inbox']);
  });

  it('two tabs flushing at once send each write once', async () => {
    const one = await openCopy();
    const two = await openCopy();
    await one.catchUp();
    for (const title of ['a', 'b', 'c', 'd']) await one.queue(create(title));
    await Promise.all([one.flush(), two.flush(), one.flush()]);
    expect(server.sent).toHaveLength(4);
    expect([...server.tasks.values()].map((t) => t.title).sort()).toEqual(['a', 'b', 'c', 'd']);
  });

  it('a delete of a task already gone is done', async () => {
    const task = server.add('Old');
    const copy = await openCopy();
    await copy.catchUp();
    server.remove(task.id);
    await copy.queue({ kind: 'delete', task: task.id });
    expect(await copy.flush()).toBe('sent');
    expect(copy.tasks.size).toBe(0);
    expect(copy.waiting).toBe(0);
  });
});
