import { LabelChip, LabelDot } from '@/components/labels/label-chip';
import type { LabelColor } from '@/lib/client/api';
import { formatDue, isOverdue } from '@/lib/client/dates';
import type { Priority, Repeat } from '@/lib/client/planning';
import type { Task } from '@/lib/client/task';

const PRIORITY_WORDS: Record<Exclude<Priority, 'none'>, string> = { high: 'High', medium: 'Medium', low: 'Low' };

const PRIORITY_STYLE: Record<Exclude<Priority, 'none'>, string> = {
  high: 'text-red-700 dark:text-red-300',
  medium: 'text-amber-800 dark:text-amber-300',
  low: 'text-blue-700 dark:text-blue-300',
};

/** A repeat in words: "every week", "every 2 months", "every weekday". */
export function describeRepeat({ every, interval }: Repeat): string {
  if (every === 'weekday') return 'every weekday';
  return interval === 1 ? `every ${every}` : `every ${interval} ${every}s`;
}

interface Props {
  task: Task;
  now: Date;
  colorOf: (label: string) => LabelColor;
  /** The task's project, in views that list several lists (Today, Upcoming, a label). */
  project?: { name: string; color: LabelColor };
}

/** A task's planning at a glance: its project (where several lists show), when it is due (overdue in words and an icon), priority, repeat, labels. */
export function TaskMeta({ task, now, colorOf, project }: Props) {
  const overdue = !task.completed && isOverdue(task.due_date, task.due_time, now);
  const hasAny = project || task.due_date || task.priority !== 'none' || task.repeat || task.labels.length > 0;
  if (!hasAny) return null;
  return (
    <ul aria-label="Planning" className="mt-1 flex flex-wrap items-center gap-x-3 gap-y-1 text-sm">
      {project && (
        <li data-testid="task-project" className="inline-flex min-w-0 items-center gap-1.5 text-zinc-600 dark:text-zinc-400">
          <LabelDot color={project.color} />
          <span className="truncate">
            <span className="sr-only">Project: </span>
            {project.name}
          </span>
        </li>
      )}
      {task.due_date && (
        <li
          data-testid="task-due"
          className={overdue ? 'inline-flex items-center gap-1 font-semibold text-red-700 dark:text-red-300' : 'text-zinc-600 dark:text-zinc-400'}
        >
          {overdue && (
            <svg viewBox="0 0 20 20" fill="currentColor" aria-hidden="true" className="size-4">
              <path
                fillRule="evenodd"
                d="M8.49 2.9c.66-1.2 2.36-1.2 3.02 0l6.28 11.34c.64 1.16-.2 2.58-1.51 2.58H3.72c-1.31 0-2.15-1.42-1.51-2.58L8.49 2.9ZM10 6a.75.75 0 0 1 .75.75v3.5a.75.75 0 0 1-1.5 0v-3.5A.75.75 0 0 1 10 6Zm0 8a1 1 0 1 0 0-2 1 1 0 0 0 0 2Z"
                clipRule="evenodd"
              />
            </svg>
          )}
          <span className="sr-only">Due </span>
          {overdue && 'Overdue: '}
          {formatDue(task.due_date, task.due_time, now)}
        </li>
      )}
      {task.priority !== 'none' && (
        <li data-testid="task-priority" className={`inline-flex items-center gap-0.5 font-medium ${PRIORITY_STYLE[task.priority]}`}>
          <span aria-hidden="true">{task.priority === 'high' ? '!!!' : task.priority === 'medium' ? '!!' : '!'}</span>
          <span>{PRIORITY_WORDS[task.priority]}</span>
          <span className="sr-only"> priority</span>
        </li>
      )}
      {task.repeat && (
        <li data-testid="task-repeat" className="inline-flex items-center gap-1 text-zinc-600 dark:text-zinc-400">
          <span aria-hidden="true">↻</span>
          <span>
            <span className="sr-only">Repeats </span>
            {describeRepeat(task.repeat)}
          </span>
        </li>
      )}
      {task.labels.map((name) => (
        <li key={name} className="min-w-0">
          <LabelChip name={name} color={colorOf(name)} />
        </li>
      ))}
    </ul>
  );
}
