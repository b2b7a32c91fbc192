'use client';

import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { fetchMembers, type Member, type Project, type TaskChanges } from '@/lib/client/api';
import { codePoints, draftProblem } from '@/lib/client/limits';
import {
  LABEL_NAME_MAX,
  LABELS_PER_TASK_MAX,
  PRIORITIES,
  REMINDERS_PER_TASK_MAX,
  REPEAT_INTERVAL_MAX,
  REPEAT_UNITS,
  type Priority,
  type ReminderInput,
  type RepeatUnit,
} from '@/lib/client/planning';
import { describeMinutes, describeReminder, REMINDER_PRESETS, reminderInputs } from '@/lib/client/reminders';
import type { Task } from '@/lib/client/task';

interface Props {
  userId: string;
  task: Task;
  /** The projects the task may move to (with the Inbox): those the person may write to. */
  projects: Project[];
  /** The dialog is done with: saved, cancelled or closed with Escape. */
  onDone: () => void;
  /** Resolves false when the server refused: the dialog reopens with what was typed. */
  onSave: (task: Task, changes: TaskChanges) => Promise<boolean>;
}

const REPEAT_WORDS: Record<RepeatUnit, string> = { day: 'Every day', weekday: 'Every weekday', week: 'Every week', month: 'Every month', year: 'Every year' };

/** The fields as typed: strings, so that a half-typed value is never lost. */
interface Fields {
  title: string;
  description: string;
  due_date: string;
  due_time: string;
  priority: Priority;
  labels: string;
  repeat: RepeatUnit | '';
  interval: string;
  /** '' for the Inbox. */
  project: string;
  /** '' for no one. */
  assignee: string;
  /** The person's own reminders on it. */
  reminders: ReminderInput[];
}

function fieldsOf(task: Task): Fields {
  return {
    title: task.title,
    description: task.description ?? '',
    due_date: task.due_date ?? '',
    due_time: task.due_time ?? '',
    priority: task.priority,
    labels: task.labels.join(', '),
    repeat: task.repeat?.every ?? '',
    interval: String(task.repeat?.interval ?? 1),
    project: task.project_id ?? '',
    assignee: task.assignee_id ?? '',
    reminders: reminderInputs(task.reminders),
  };
}

const instantFormat = new Intl.DateTimeFormat(undefined, { weekday: 'short', day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit' });
const describe = (reminder: ReminderInput) => describeReminder(reminder, (date) => instantFormat.format(date));
const sameReminder = (a: ReminderInput, b: ReminderInput) => JSON.stringify(a) === JSON.stringify(b);

/**
 * The task's fields in one modal dialog: title, description, project, due date and time,
 * priority, labels, repeat. Mounted while open; the fields are the task's as it was when it opened.
 */
export function TaskDetails({ userId, task, projects, onDone, onSave }: Props) {
  const id = useId();
  const dialog = useRef<HTMLDialogElement>(null);
  // The version the person is editing: a change saved elsewhere meanwhile must not pass for it
  // (the save sends If-Match for this one, and a newer version gets the conflict prompt).
  const [base] = useState(task);
  const [fields, setFields] = useState<Fields>(() => fieldsOf(task));
  const [problem, setProblem] = useState<string | null>(null);
  // While the save is on its way the dialog is closed but kept, to reopen as typed if refused.
  const saving = useRef(false);
  // A viewer of the task's project sets only their own labels and reminders on it.
  const readOnly = projects.find((project) => project.id === task.project_id)?.role === 'viewer';
  // The members of the project chosen, whom the task may be assigned to (none in the Inbox).
  const [loaded, setLoaded] = useState<{ project: string; members: Member[] }>({ project: '', members: [] });
  const members = fields.project && loaded.project === fields.project ? loaded.members : [];
  useEffect(() => {
    if (!fields.project) return;
    const controller = new AbortController();
    const project = fields.project;
    fetchMembers(userId, project, controller.signal)
      .then((fresh) => setLoaded({ project, members: fresh }))
      .catch(() => setLoaded({ project, members: [] }));
    return () => controller.abort();
  }, [userId, fields.project]);

  useEffect(() => {
    dialog.current?.showModal();
  }, []);

  function closed() {
    if (!saving.current) onDone();
  }

  function set<K extends keyof Fields>(key: K, value: Fields[K]) {
    setFields((current) => ({ ...current, [key]: value }));
  }

  async function save(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const assignee = members.some((m) => m.user_id === fields.assignee) ? fields.assignee : '';
    const result = changesFrom({ ...fields, assignee }, readOnly);
    setProblem(typeof result === 'string' ? result : null);
    if (typeof result === 'string') return;
    saving.current = true;
    dialog.current?.close();
    const saved = await onSave(base, result);
    saving.current = false;
    if (saved) onDone();
    else dialog.current?.showModal();
  }

  return (
    <dialog
      ref={dialog}
      aria-labelledby={`${id}-heading`}
      onClose={closed}
      className="m-auto w-[min(32rem,calc(100vw-2rem))] rounded-lg border border-zinc-200 bg-white p-0 text-zinc-900 shadow-xl backdrop:bg-zinc-950/50 dark:border-zinc-700 dark:bg-zinc-900 dark:text-zinc-100"
    >
      <form onSubmit={save} className="space-y-4 p-4 sm:p-5" noValidate>
        <h2 id={`${id}-heading`} className="text-lg font-semibold">
          Task details
        </h2>
        {readOnly && (
          <p className="text-sm text-zinc-600 dark:text-zinc-400">You may only read this project: your labels and reminders are what you can change here.</p>
        )}
        <div>
          <label htmlFor={`${id}-title`} className="label">
            Title
          </label>
          <input id={`${id}-title`} disabled={readOnly} className="field" value={fields.title} onChange={(e) => set('title', e.target.value)} autoComplete="off" />
        </div>
        <div>
          <label htmlFor={`${id}-description`} className="label">
            Description
          </label>
          <textarea
            id={`${id}-description`} disabled={readOnly}
            className="field resize-y"
            rows={3}
            value={fields.description}
            onChange={(e) => set('description', e.target.value)}
          />
        </div>
        <div>
          <label htmlFor={`${id}-project`} className="label">
            Project
          </label>
          <select
            id={`${id}-project`} disabled={readOnly}
            className="field"
            value={fields.project}
            onChange={(e) => set('project', e.target.value)}
            aria-describedby={`${id}-project-hint`}
          >
            <option value="">Inbox</option>
            {projects
              .filter((project) => project.role !== 'viewer' || project.id === task.project_id)
              .map((project) => (
                <option key={project.id} value={project.id}>
                  {project.name}
                </option>
              ))}
          </select>
          <p id={`${id}-project-hint`} className="mt-1 text-xs text-zinc-600 dark:text-zinc-400">
            Moving a task takes its subtasks along, to the top of that list.
          </p>
        </div>
        {members.length > 0 && (
          <div>
            <label htmlFor={`${id}-assignee`} className="label">
              Assignee
            </label>
            <select id={`${id}-assignee`} className="field" value={members.some((m) => m.user_id === fields.assignee) ? fields.assignee : ''} onChange={(e) => set('assignee', e.target.value)} disabled={readOnly}>
              <option value="">No one</option>
              {members.map((member) => (
                <option key={member.user_id} value={member.user_id}>
                  {member.name ? `${member.name} (${member.email})` : member.email}
                </option>
              ))}
            </select>
          </div>
        )}
        <div className="grid grid-cols-2 gap-3">
          <div>
            <label htmlFor={`${id}-date`} className="label">
              Due date
            </label>
            <input id={`${id}-date`} disabled={readOnly} type="date" className="field" value={fields.due_date} onChange={(e) => set('due_date', e.target.value)} />
          </div>
          <div>
            <label htmlFor={`${id}-time`} className="label">
              Due time
            </label>
            <input id={`${id}-time`} disabled={readOnly} type="time" className="field" value={fields.due_time} onChange={(e) => set('due_time', e.target.value)} />
          </div>
        </div>
        <div className="grid grid-cols-2 gap-3">
          <div>
            <label htmlFor={`${id}-priority`} className="label">
              Priority
            </label>
            <select id={`${id}-priority`} disabled={readOnly} className="field" value={fields.priority} onChange={(e) => set('priority', e.target.value as Priority)}>
              {PRIORITIES.map((priority) => (
                <option key={priority} value={priority}>
                  {priority === 'none' ? 'None' : priority[0]!.toUpperCase() + priority.slice(1)}
                </option>
              ))}
            </select>
          </div>
          <div>
            <label htmlFor={`${id}-repeat`} className="label">
              Repeat
            </label>
            <select id={`${id}-repeat`} disabled={readOnly} className="field" value={fields.repeat} onChange={(e) => set('repeat', e.target.value as RepeatUnit | '')}>
              <option value="">Does not repeat</option>
              {REPEAT_UNITS.map((unit) => (
                <option key={unit} value={unit}>
                  {REPEAT_WORDS[unit]}
                </option>
              ))}
            </select>
          </div>
        </div>
        {fields.repeat && fields.repeat !== 'weekday' && (
          <div>
            <label htmlFor={`${id}-interval`} className="label">
              Repeat every how many {fields.repeat}s
            </label>
            <input
              id={`${id}-interval`} disabled={readOnly}
              type="number"
              inputMode="numeric"
              min={1}
              max={REPEAT_INTERVAL_MAX}
              className="field w-28"
              value={fields.interval}
              onChange={(e) => set('interval', e.target.value)}
            />
          </div>
        )}
        <div>
          <label htmlFor={`${id}-labels`} className="label">
            Labels
          </label>
          <input
            id={`${id}-labels`}
            className="field"
            value={fields.labels}
            onChange={(e) => set('labels', e.target.value)}
            aria-describedby={`${id}-labels-hint`}
            autoComplete="off"
          />
          <p id={`${id}-labels-hint`} className="mt-1 text-xs text-zinc-600 dark:text-zinc-400">
            Separate labels with commas; a new name makes a new label.
          </p>
        </div>
        <ReminderPicker id={id} reminders={fields.reminders} hasDate={Boolean(fields.due_date)} onChange={(reminders) => set('reminders', reminders)} />
        {problem && (
          <p role="alert" data-testid="form-error" className="alert-error">
            {problem}
          </p>
        )}
        <div className="flex justify-end gap-2">
          <button type="button" className="btn btn-secondary" onClick={() => dialog.current?.close()}>
            Cancel
          </button>
          <button type="submit" className="btn btn-primary">
            Save
          </button>
        </div>
      </form>
    </dialog>
  );
}

/**
 * The person's reminders on the task: those set, each with a way to remove it, and one more to
 * add: a time before the due date, or a date and time of its own.
 */
function ReminderPicker({ id, reminders, hasDate, onChange }: { id: string; reminders: ReminderInput[]; hasDate: boolean; onChange: (reminders: ReminderInput[]) => void }) {
  const [choice, setChoice] = useState<string>(hasDate ? '30' : 'at');
  const [at, setAt] = useState('');
  const full = reminders.length >= REMINDERS_PER_TASK_MAX;
  const relative = choice !== 'at';
  const adding: ReminderInput | null = relative ? (hasDate ? { minutes_before: Number(choice) } : null) : at ? { at: new Date(at).toISOString() } : null;

  function add() {
    if (!adding || full || reminders.some((r) => sameReminder(r, adding))) return;
    onChange([...reminders, adding]);
    setAt('');
  }

  return (
    <fieldset>
      <legend className="label">Reminders</legend>
      {reminders.length > 0 ? (
        <ul className="mb-2 space-y-1" data-testid="reminders">
          {reminders.map((reminder) => (
            <li key={JSON.stringify(reminder)} className="flex items-center justify-between gap-2 text-sm">
              <span>{describe(reminder)}</span>
              <button type="button" className="btn btn-ghost px-2 py-1" onClick={() => onChange(reminders.filter((r) => !sameReminder(r, reminder)))}>
                Remove<span className="sr-only"> the reminder {describe(reminder)}</span>
              </button>
            </li>
          ))}
        </ul>
      ) : (
        <p className="mb-2 text-sm text-zinc-600 dark:text-zinc-400">None. Reminders are yours alone: others sharing the task set their own.</p>
      )}
      <div className="flex flex-wrap items-end gap-2">
        <div>
          <label htmlFor={`${id}-reminder`} className="sr-only">
            When to remind you
          </label>
          <select id={`${id}-reminder`} className="field" value={choice} onChange={(e) => setChoice(e.target.value)} disabled={full}>
            {REMINDER_PRESETS.map((minutes) => (
              <option key={minutes} value={String(minutes)} disabled={!hasDate}>
                {minutes === 0 ? 'At the due time' : `${describeMinutes(minutes)} before`}
              </option>
            ))}
            <option value="at">At a date and time…</option>
          </select>
        </div>
        {!relative && (
          <div>
            <label htmlFor={`${id}-reminder-at`} className="sr-only">
              Remind at
            </label>
            <input id={`${id}-reminder-at`} type="datetime-local" className="field" value={at} onChange={(e) => setAt(e.target.value)} disabled={full} />
          </div>
        )}
        <button type="button" className="btn btn-secondary" onClick={add} disabled={full || !adding}>
          Add reminder
        </button>
      </div>
      <p className="mt-1 text-xs text-zinc-600 dark:text-zinc-400">
        {full
          ? `A task can have ${REMINDERS_PER_TASK_MAX} reminders of yours.`
          : hasDate
            ? 'Times before the due date follow it when it moves; a date alone counts as 09:00.'
            : 'Give the task a due date to be reminded before it.'}
      </p>
    </fieldset>
  );
}

/** The PATCH body for what was typed (a viewer's: their labels and reminders alone), or why it cannot be sent. */
function changesFrom(fields: Fields, labelsOnly: boolean): TaskChanges | string {
  const labels = fields.labels
    .split(',')
    .map((name) => name.trim())
    .filter(Boolean);
  if (labels.length > LABELS_PER_TASK_MAX) return `A task can have at most ${LABELS_PER_TASK_MAX} labels.`;
  if (labels.some((name) => codePoints(name) > LABEL_NAME_MAX)) return `Keep each label under ${LABEL_NAME_MAX + 1} characters.`;
  const reminders = fields.reminders;
  if (labelsOnly) return { labels, reminders };
  if (!fields.due_date && reminders.some((r) => 'minutes_before' in r)) return 'A reminder before the due date needs a due date: remove it, or keep the date.';
  const invalid = draftProblem(fields.title, fields.description);
  if (invalid) return invalid;
  if (fields.due_time && !fields.due_date) return 'A due time needs a due date.';
  if (fields.repeat && !fields.due_date) return 'A repeating task needs a due date.';
  const interval = fields.repeat === 'weekday' ? 1 : Number(fields.interval);
  if (fields.repeat && !(Number.isInteger(interval) && interval >= 1 && interval <= REPEAT_INTERVAL_MAX)) {
    return `Repeat every 1 to ${REPEAT_INTERVAL_MAX} ${fields.repeat}s.`;
  }
  return {
    title: fields.title.trim(),
    description: fields.description.trim() || null,
    due_date: fields.due_date || null,
    due_time: fields.due_date && fields.due_time ? fields.due_time : null,
    priority: fields.priority,
    labels,
    reminders,
    repeat: fields.repeat ? { every: fields.repeat, interval } : null,
    project_id: fields.project || null,
    assignee_id: fields.project ? fields.assignee || null : null,
  };
}
