'use client';

import {
  closestCenter,
  DndContext,
  MouseSensor,
  TouchSensor,
  useSensor,
  useSensors,
  type Announcements,
  type DragEndEvent,
  type DragMoveEvent,
  type DragStartEvent,
  type UniqueIdentifier,
} from '@dnd-kit/core';
import { SortableContext, useSortable, verticalListSortingStrategy } from '@dnd-kit/sortable';
import { useId, useLayoutEffect, useMemo, useRef, useState, type KeyboardEvent, type ReactElement, type ReactNode } from 'react';
import { positionAfter } from '@/lib/client/manual-order';
import type { Task } from '@/lib/client/task';
import { dropChange, indent, moveAmongSiblings, outdent, treeRows, type TreeChange, type TreeRow } from '@/lib/client/task-tree';
import { isTextField } from './sortable-list';
import { INDENT_REM } from './task-item';

interface Props {
  /** The tasks of one list (the Inbox or a project), unfiltered: subtasks show under their parents. */
  tasks: readonly Task[];
  /** Folded tasks, whose subtasks are hidden. */
  collapsed: ReadonlySet<string>;
  renderRow: (row: TreeRow, dragHandle: ReactElement) => ReactNode;
  /** A new place in the outline; resolves false when this device could not keep it. */
  onChange: (task: Task, change: TreeChange) => Promise<boolean>;
  /** A row's React key, when it is not the task's id (a task made on this device keeps its row when saved). */
  keyOf?: (id: string) => string;
  className?: string;
}

const INSTRUCTIONS =
  'To move a task, press Space or Enter on its handle. Then Up and Down move it among its siblings, Tab makes it a subtask of the task above, ' +
  'Shift+Tab moves it out of its parent, and Space, Enter or Escape puts it down. Alt+Up and Alt+Down also move the focused task among its siblings.';

/** The width of one level in CSS pixels (the rem of the indent, at the browser's default 16 px). */
const LEVEL_PX = INDENT_REM * 16;

/**
 * One list as an outline, as outliners work: drag a task by its handle up or down, and to the
 * right to make it a subtask of the task above, to the left to take it out (mouse, or a short
 * press on a touch screen); from the keyboard, pick it up with Space or Enter on the handle,
 * then arrows, Tab and Shift+Tab. Every change is announced.
 */
export function TaskTree({ tasks, collapsed, renderRow, onChange, keyOf = (id) => id, className }: Props) {
  const dndId = useId();
  const [dragging, setDragging] = useState<{ id: string; levels: number } | null>(null);
  const [picked, setPicked] = useState<string | null>(null);
  const [status, setStatus] = useState('');
  // The control a keyboard change started from, kept focused until the change has settled.
  const keepFocus = useRef<{ element: HTMLElement; settled: boolean } | null>(null);

  // Reordering moves DOM nodes, which drops focus in some browsers, and a change renders several
  // times (its new parent, then its new place): keep focus on the row's control through them all.
  useLayoutEffect(() => {
    const keep = keepFocus.current;
    if (!keep) return;
    if (keep.element.isConnected && document.activeElement !== keep.element) keep.element.focus();
    if (keep.settled) keepFocus.current = null;
  });

  const allRows = useMemo(() => treeRows(tasks, collapsed), [tasks, collapsed]);
  // While a task is dragged its subtasks go with it: they are not drop targets.
  const rows = useMemo(() => {
    if (!dragging) return allRows;
    const at = allRows.findIndex((r) => r.task.id === dragging.id);
    const hidden = new Set<string>();
    for (let i = at + 1; i < allRows.length && allRows[i]!.depth > allRows[at]!.depth; i++) hidden.add(allRows[i]!.task.id);
    return allRows.filter((r) => !hidden.has(r.task.id));
  }, [allRows, dragging]);

  const sensors = useSensors(
    useSensor(MouseSensor, { activationConstraint: { distance: 4 } }),
    // A press that moves before 200 ms is a scroll, not a drag.
    useSensor(TouchSensor, { activationConstraint: { delay: 200, tolerance: 8 } }),
  );

  const byId = new Map(allRows.map((row) => [row.task.id, row]));
  const nameOf = (id: UniqueIdentifier) => byId.get(String(id))?.task.title ?? 'The task';

  /** The change in words, before it is sent (it is said once saved). */
  function describe(id: string, change: TreeChange): string {
    const name = nameOf(id);
    if (change.parent_id === null) return `${name} is no longer a subtask.`;
    if (change.parent_id !== undefined) return `${name} is now a subtask of ${nameOf(change.parent_id)}.`;
    const siblings = allRows.filter((r) => r.parentId === byId.get(id)?.parentId).map((r) => r.task.id);
    return change.move ? `${name} moved to position ${positionAfter(siblings, id, change.move)} of ${siblings.length}.` : `${name} moved.`;
  }

  async function apply(id: string, change: TreeChange | null, refusal: string, focused?: EventTarget) {
    const row = byId.get(id);
    if (!row) return;
    if (!change) {
      setStatus(refusal);
      return;
    }
    // The change shows at once (the device's copy), so the next keystroke is worked out from
    // where this one leaves the row, while this one is still being stored.
    const words = describe(id, change);
    const keep = focused instanceof HTMLElement ? { element: focused, settled: false } : null;
    keepFocus.current = keep;
    const saved = await onChange(row.task, change);
    if (keep) keep.settled = true;
    setStatus(saved ? words : `${row.task.title} could not be moved.`);
  }

  function keyDown(event: KeyboardEvent<HTMLLIElement>, id: string) {
    const name = nameOf(id);
    const onHandle = event.target instanceof HTMLElement && event.target.dataset.handle === id;
    if (event.altKey && (event.key === 'ArrowUp' || event.key === 'ArrowDown') && !isTextField(event.target)) {
      event.preventDefault();
      const up = event.key === 'ArrowUp';
      const move = moveAmongSiblings(allRows, id, up ? -1 : 1);
      void apply(id, move && { move }, `${name} is already ${up ? 'first' : 'last'}.`, event.target);
      return;
    }
    if (!onHandle) return;
    if (picked !== id) {
      if (event.key === ' ' || event.key === 'Enter') {
        event.preventDefault();
        setPicked(id);
        setStatus(`Picked up ${name}. Up and Down move it, Tab nests it under the task above, Shift+Tab moves it out, Space puts it down.`);
      }
      return;
    }
    switch (event.key) {
      case 'ArrowUp':
      case 'ArrowDown': {
        event.preventDefault();
        const up = event.key === 'ArrowUp';
        const move = moveAmongSiblings(allRows, id, up ? -1 : 1);
        void apply(id, move && { move }, `${name} is already ${up ? 'first' : 'last'}.`, event.target);
        break;
      }
      case 'Tab':
        event.preventDefault();
        void apply(
          id,
          event.shiftKey ? outdent(allRows, id) : indent(allRows, id),
          event.shiftKey ? `${name} is not a subtask.` : `${name} cannot go under the task above it (there is none at its level, or it would be more than 4 levels deep).`,
          event.target,
        );
        break;
      case ' ':
      case 'Enter':
      case 'Escape':
        event.preventDefault();
        setPicked(null);
        setStatus(`Put ${name} down.`);
        break;
    }
  }

  const announcements: Announcements = {
    onDragStart: ({ active }) => `Picked up ${nameOf(active.id)}.`,
    onDragOver: ({ active, over }) => (over ? `${nameOf(active.id)} is over ${nameOf(over.id)}.` : `${nameOf(active.id)} is outside the list.`),
    onDragEnd: ({ active }) => `${nameOf(active.id)} dropped.`,
    onDragCancel: ({ active }) => `Moving ${nameOf(active.id)} was cancelled.`,
  };

  function dragStart({ active }: DragStartEvent) {
    setPicked(null);
    setDragging({ id: String(active.id), levels: 0 });
  }

  function dragMove({ active, delta }: DragMoveEvent) {
    const levels = Math.round(delta.x / LEVEL_PX);
    setDragging((current) => (current?.levels === levels ? current : { id: String(active.id), levels }));
  }

  function dragEnd({ active, over, delta }: DragEndEvent) {
    const id = String(active.id);
    const change = dropChange(rows, id, over ? String(over.id) : id, Math.round(delta.x / LEVEL_PX));
    setDragging(null);
    if (change) void apply(id, change, '');
  }

  return (
    <>
      <DndContext
        id={dndId}
        sensors={sensors}
        collisionDetection={closestCenter}
        onDragStart={dragStart}
        onDragMove={dragMove}
        onDragEnd={dragEnd}
        onDragCancel={() => setDragging(null)}
        accessibility={{ announcements, screenReaderInstructions: { draggable: INSTRUCTIONS } }}
      >
        <SortableContext items={rows.map((row) => row.task.id)} strategy={verticalListSortingStrategy}>
          <ul aria-label="Tasks" className={className}>
            {rows.map((row) => (
              <TreeItem
                key={keyOf(row.task.id)}
                row={row}
                picked={picked === row.task.id}
                levels={dragging?.id === row.task.id ? dragging.levels : 0}
                onKeyDown={(event) => keyDown(event, row.task.id)}
                onBlurHandle={() => setPicked((current) => (current === row.task.id ? null : current))}
              >
                {(handle) => renderRow(row, handle)}
              </TreeItem>
            ))}
          </ul>
        </SortableContext>
      </DndContext>
      <p role="status" aria-live="polite" className="sr-only">
        {status}
      </p>
    </>
  );
}

interface ItemProps {
  row: TreeRow;
  /** Picked up from the keyboard. */
  picked: boolean;
  /** Levels right (+) or left (-) of its place while it is dragged. */
  levels: number;
  onKeyDown: (event: KeyboardEvent<HTMLLIElement>) => void;
  /** Focus went elsewhere (not just lost while the row's node moved). */
  onBlurHandle: () => void;
  children: (dragHandle: ReactElement) => ReactNode;
}

function TreeItem({ row, picked, levels, onKeyDown, onBlurHandle, children }: ItemProps) {
  const { attributes, listeners, setNodeRef, setActivatorNodeRef, transform, transition, isDragging } = useSortable({ id: row.task.id });
  const handle = (
    <button
      ref={setActivatorNodeRef}
      type="button"
      {...attributes}
      {...listeners}
      data-handle={row.task.id}
      aria-pressed={picked}
      aria-label={`Move ${row.task.title}`}
      onBlur={(event) => {
        if (event.relatedTarget) onBlurHandle();
      }}
      className="-my-1 -ml-1 inline-flex size-8 shrink-0 cursor-grab touch-manipulation items-center justify-center rounded-md text-zinc-500 hover:bg-zinc-100 active:cursor-grabbing aria-pressed:bg-blue-100 aria-pressed:text-blue-900 dark:text-zinc-400 dark:hover:bg-zinc-800 dark:aria-pressed:bg-blue-950 dark:aria-pressed:text-blue-100"
    >
      <svg viewBox="0 0 20 20" fill="currentColor" aria-hidden="true" className="size-5">
        <circle cx="7" cy="5" r="1.5" />
        <circle cx="13" cy="5" r="1.5" />
        <circle cx="7" cy="10" r="1.5" />
        <circle cx="13" cy="10" r="1.5" />
        <circle cx="7" cy="15" r="1.5" />
        <circle cx="13" cy="15" r="1.5" />
      </svg>
    </button>
  );
  // While dragged, the row shows the depth it would land at: whole levels of the horizontal drag.
  const x = isDragging ? levels * LEVEL_PX : (transform?.x ?? 0);
  return (
    <li
      ref={setNodeRef}
      onKeyDown={onKeyDown}
      data-depth={row.depth}
      style={{ transform: transform ? `translate3d(${x}px, ${transform.y}px, 0)` : undefined, transition }}
      className={
        isDragging || picked ? 'relative z-10 bg-white shadow-lg ring-1 ring-zinc-300 dark:bg-zinc-900 dark:ring-zinc-700' : undefined
      }
    >
      {children(handle)}
    </li>
  );
}
