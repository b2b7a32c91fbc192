import type { Task } from '@/lib/client/task';

interface Props {
  /** The version saved elsewhere since this device showed the task. */
  newer: Task;
  onApply(): void;
  onDismiss(): void;
}

/**
 * An edit made on a stale version was refused (`412`): nothing was overwritten. Shows the newer
 * version and offers to apply the edit to it, or to keep it as it is.
 */
export function ConflictNotice({ newer, onApply, onDismiss }: Props) {
  return (
    <div role="alert" className="alert-warning mb-4">
      <p>
        This task was changed on another device while you were editing it, so your edit was not saved. It now reads: <strong className="wrap-anywhere">{newer.title}</strong>
        {newer.description && <span className="wrap-anywhere"> ({newer.description})</span>}
        {newer.completed && ', done'}.
      </p>
      <div className="mt-2 flex flex-wrap gap-2">
        <button type="button" className="btn btn-primary py-1" onClick={onApply}>
          Apply my edit
        </button>
        <button type="button" className="btn btn-secondary py-1" onClick={onDismiss}>
          Keep this version
        </button>
      </div>
    </div>
  );
}
