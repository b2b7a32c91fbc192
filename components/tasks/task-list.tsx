'use client';

import { format } from 'date-fns';
import type { ReactElement } from 'react';
import type { LabelColor, Project, TaskChanges } from '@/lib/client/api';
import { groupByDay, parseDateString } from '@/lib/client/dates';
import type { MoveRequest } from '@/lib/client/manual-order';
import type { Task } from '@/lib/client/task';
import type { TreeChange, TreeRow } from '@/lib/client/task-tree';
import { isTemporary } from '@/lib/client/outbox';
import { isManualOrder, isOneList, UPCOMING_DAYS, type View } from '@/lib/client/views';
import { useLocalTasks } from './local-tasks';
import { SortableList } from './sortable-list';
import { TaskItem } from './task-item';
import { TaskTree } from './task-tree';

interface Props {
  userId: string;
  view: View;
  tasks: Task[];
  /** Show one list as an outline (subtasks under their parents): the whole list, unfiltered. */
  outline: boolean;
  now: Date;
  projects: Project[];
  colorOf: (label: string) => LabelColor;
  /** Names of the people tasks may be assigned to, by user id (the project on screen's members). */
  people: ReadonlyMap<string, { name: string | null; email: string }>;
  collapsed: ReadonlySet<string>;
  onCollapse: (task: Task, collapsed: boolean) => void;
  onToggle: (task: Task) => void;
  onEdit: (task: Task, changes: TaskChanges) => Promise<boolean>;
  onDelete: (task: Task) => void;
  onMove: (task: Task, move: MoveRequest) => Promise<boolean>;
  onTreeChange: (task: Task, change: TreeChange) => Promise<boolean>;
  onAddSubtask: (parent: Task, title: string) => Promise<boolean>;
}

const LIST = 'divide-y divide-zinc-200 rounded-lg border border-zinc-200 bg-white dark:divide-zinc-800 dark:border-zinc-800 dark:bg-zinc-900';

/**
 * A view's tasks: one list as an outline in the person's own order, a label's tasks in that
 * order (movable), by due date (Today), or by day (Upcoming). Where several lists show, each
 * row names its project.
 */
export function TaskList(props: Props) {
  const { userId, view, tasks, outline, now, projects, people, colorOf, collapsed, onCollapse, onToggle, onEdit, onDelete, onMove, onTreeChange, onAddSubtask } = props;
  const { rowKey } = useLocalTasks();
  const projectById = new Map(projects.map((project) => [project.id, project]));
  // A viewer of a task's project reads it: no checkbox, handle or delete of theirs changes it.
  const readOnly = (task: Task) => task.project_id !== null && projectById.get(task.project_id)?.role === 'viewer';
  const row = (task: Task, dragHandle?: ReactElement, tree?: TreeRow) => (
    <TaskItem
      userId={userId}
      task={task}
      readOnly={readOnly(task)}
      assignee={task.assignee_id ? (task.assignee_id === userId ? 'you' : (people.get(task.assignee_id) ?? 'someone')) : undefined}
      saving={isTemporary(task.id)}
      now={now}
      colorOf={colorOf}
      dragHandle={readOnly(task) ? undefined : dragHandle}
      project={isOneList(view) || task.project_id === null ? undefined : projectById.get(task.project_id)}
      projects={projects}
      outline={
        tree && {
          depth: tree.depth,
          subtasks: tree.subtasks,
          done: tree.done,
          collapsed: collapsed.has(task.id),
          onCollapse: (fold) => onCollapse(task, fold),
          onAddSubtask: (title) => onAddSubtask(task, title),
        }
      }
      onToggle={onToggle}
      onEdit={onEdit}
      onDelete={onDelete}
    />
  );

  if (outline) {
    return (
      <TaskTree tasks={tasks} collapsed={collapsed} renderRow={(tree, handle) => row(tree.task, handle, tree)} onChange={onTreeChange} keyOf={rowKey} className={LIST} />
    );
  }

  if (isManualOrder(view)) {
    return (
      <SortableList
          items={tasks}
          label="Tasks"
          itemLabel={(task) => task.title}
          renderItem={(task, handle) => row(task, handle)}
          onMove={(id, move) => {
            const task = tasks.find((t) => t.id === id);
            return task ? onMove(task, move) : Promise.resolve(false);
          }}
          keyOf={rowKey}
          className={LIST}
        />
    );
  }

  if (view.kind === 'upcoming') {
    return (
      <div className="space-y-5">
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
                  <li key={rowKey(task.id)}>{row(task)}</li>
                ))}
              </ul>
            )}
          </section>
        ))}
      </div>
    );
  }

  return (
    <ul aria-label="Tasks" className={LIST}>
      {tasks.map((task) => (
        <li key={rowKey(task.id)}>{row(task)}</li>
      ))}
    </ul>
  );
}

/** "Fri 5 Dec", beside the day's word in Upcoming's headings. */
function groupLongDate(day: string): string {
  const date = parseDateString(day);
  return date ? format(date, 'EEE d MMM') : day;
}
