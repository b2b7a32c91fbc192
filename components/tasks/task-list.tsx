'use client';

import { format } from 'date-fns';
import type { ReactElement } from 'react';
import type { LabelColor, TaskChanges } from '@/lib/client/api';
import { groupByDay, parseDateString } from '@/lib/client/dates';
import type { MoveRequest } from '@/lib/client/manual-order';
import type { Task } from '@/lib/client/task';
import type { Pending } from '@/lib/client/tasks-reducer';
import { isManualOrder, UPCOMING_DAYS, type View } from '@/lib/client/views';
import { SortableList } from './sortable-list';
import { TaskItem } from './task-item';

interface Props {
  view: View;
  tasks: Task[];
  now: Date;
  /** The list is being fetched again. */
  busy: boolean;
  pending: Record<string, Pending>;
  colorOf: (label: string) => LabelColor;
  onToggle: (task: Task) => void;
  onEdit: (task: Task, changes: TaskChanges) => Promise<boolean>;
  onDelete: (task: Task) => void;
  onMove: (task: Task, move: MoveRequest) => Promise<boolean>;
}

const LIST = 'divide-y divide-zinc-200 rounded-lg border border-zinc-200 bg-white dark:divide-zinc-800 dark:border-zinc-800 dark:bg-zinc-900';

/** A view's tasks: in the person's own order (movable), by due date (Today), or by day (Upcoming). */
export function TaskList({ view, tasks, now, busy, pending, colorOf, onToggle, onEdit, onDelete, onMove }: Props) {
  const row = (task: Task, dragHandle?: ReactElement) => (
    <TaskItem
      task={task}
      busy={Boolean(pending[task.id])}
      saving={pending[task.id]?.kind === 'add'}
      now={now}
      colorOf={colorOf}
      dragHandle={dragHandle}
      onToggle={onToggle}
      onEdit={onEdit}
      onDelete={onDelete}
    />
  );

  if (isManualOrder(view)) {
    return (
      <div aria-busy={busy || undefined}>
        <SortableList
          items={tasks}
          label="Tasks"
          itemLabel={(task) => task.title}
          renderItem={row}
          onMove={(id, move) => {
            const task = tasks.find((t) => t.id === id);
            return task ? onMove(task, move) : Promise.resolve(false);
          }}
          className={LIST}
        />
      </div>
    );
  }

  if (view.kind === 'upcoming') {
    return (
      <div className="space-y-5" aria-busy={busy || undefined}>
        {groupByDay(tasks, now, UPCOMING_DAYS).map((group) => (
          <section key={group.date} aria-labelledby={`day-${group.date}`}>
            <h2 id={`day-${group.date}`} className="mb-2 text-sm font-semibold text-zinc-700 dark:text-zinc-300">
              {group.label}
              {group.label !== groupLongDate(group.date) && <span className="font-normal text-zinc-600 dark:text-zinc-400"> · {groupLongDate(group.date)}</span>}
            </h2>
            {group.tasks.length === 0 ? (
              <p className="text-sm text-zinc-600 dark:text-zinc-400">Nothing due.</p>
            ) : (
              <ul aria-label={`Tasks due ${group.label}`} className={LIST}>
                {group.tasks.map((task) => (
                  <li key={task.id}>{row(task)}</li>
                ))}
              </ul>
            )}
          </section>
        ))}
      </div>
    );
  }

  return (
    <ul aria-label="Tasks" aria-busy={busy || undefined} className={LIST}>
      {tasks.map((task) => (
        <li key={task.id}>{row(task)}</li>
      ))}
    </ul>
  );
}

/** "Fri 5 Dec", beside the day's word in Upcoming's headings. */
function groupLongDate(day: string): string {
  const date = parseDateString(day);
  return date ? format(date, 'EEE d MMM') : day;
}
