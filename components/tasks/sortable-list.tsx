'use client';

import {
  closestCenter,
  DndContext,
  KeyboardSensor,
  MouseSensor,
  TouchSensor,
  useSensor,
  useSensors,
  type Announcements,
  type DragEndEvent,
  type UniqueIdentifier,
} from '@dnd-kit/core';
import { SortableContext, sortableKeyboardCoordinates, useSortable, verticalListSortingStrategy } from '@dnd-kit/sortable';
import { useId, useLayoutEffect, useRef, useState, type KeyboardEvent, type ReactElement, type ReactNode } from 'react';
import { applyMove, moveByOffset, moveForDrop, positionAfter, type MoveRequest } from '@/lib/client/manual-order';

interface Props<T extends { id: string }> {
  items: readonly T[];
  /** The list's accessible name ("Tasks in your order"). */
  label: string;
  /** An item's name in announcements and on its handle ("Pay rent"). */
  itemLabel: (item: T) => string;
  /** The row's content; place `dragHandle` in it, where the row's first control would go. */
  renderItem: (item: T, dragHandle: ReactElement) => ReactNode;
  /**
   * Called once per move, with the contract's move body. The list shows the new order at once
   * and keeps it until `items` changes; resolving false puts the row back.
   */
  onMove: (id: string, move: MoveRequest) => Promise<boolean> | void;
  /** An item's React key, when it is not its id (an id that changes while the row stays: a saved task's). */
  keyOf?: (id: string) => string;
  className?: string;
}

const INSTRUCTIONS =
  'To move an item, press Space or Enter on its handle, use the Up and Down arrow keys, then press Space or Enter to drop it, or Escape to cancel. ' +
  'Alt+Up and Alt+Down also move the focused item one place.';

/**
 * A list in the person's own order: drag a row by its handle (mouse, or a short press on a
 * touch screen, so that a swipe still scrolls), or from the keyboard, with dnd-kit's keyboard
 * sensor on the handle or Alt+↑/↓ anywhere in the row. Every move is announced.
 */
export function SortableList<T extends { id: string }>({ items, label, itemLabel, renderItem, onMove, keyOf = (id) => id, className }: Props<T>) {
  const dndId = useId();
  // The order after a move, until the parent passes new items (its own update, or the server's).
  const [optimistic, setOptimistic] = useState<{ base: readonly T[]; order: string[] } | null>(null);
  const [status, setStatus] = useState('');
  const refocus = useRef<HTMLElement | null>(null);

  const byId = new Map(items.map((item) => [item.id, item]));
  const order = optimistic?.base === items ? optimistic.order : items.map((item) => item.id);
  const rows = order.map((id) => byId.get(id)).filter((item) => item !== undefined);

  const sensors = useSensors(
    useSensor(MouseSensor, { activationConstraint: { distance: 4 } }),
    // A press that moves before 200 ms is a scroll, not a drag.
    useSensor(TouchSensor, { activationConstraint: { delay: 200, tolerance: 8 } }),
    useSensor(KeyboardSensor, { coordinateGetter: sortableKeyboardCoordinates }),
  );

  // Reordering moves DOM nodes, which drops focus in some browsers: keep it on the row's control.
  useLayoutEffect(() => {
    if (refocus.current && document.activeElement !== refocus.current) refocus.current.focus();
    refocus.current = null;
  });

  const nameOf = (id: UniqueIdentifier) => {
    const item = byId.get(String(id));
    return item ? itemLabel(item) : 'The item';
  };
  const positionOf = (id: UniqueIdentifier) => `position ${order.indexOf(String(id)) + 1} of ${order.length}`;

  const announcements: Announcements = {
    onDragStart: ({ active }) => `Picked up ${nameOf(active.id)}, at ${positionOf(active.id)}.`,
    onDragOver: ({ active, over }) => (over ? `${nameOf(active.id)} is over ${positionOf(over.id)}.` : `${nameOf(active.id)} is outside the list.`),
    onDragEnd: ({ active, over }) =>
      over && over.id !== active.id ? `${nameOf(active.id)} dropped at ${positionOf(over.id)}.` : `${nameOf(active.id)} dropped where it was.`,
    onDragCancel: ({ active }) => `Moving ${nameOf(active.id)} was cancelled. It stays at ${positionOf(active.id)}.`,
  };

  function move(id: string, request: MoveRequest) {
    const base = items;
    setOptimistic({ base, order: applyMove(order, id, request) });
    void Promise.resolve(onMove(id, request)).then((moved) => {
      if (moved === false) {
        setOptimistic((current) => (current?.base === base ? null : current));
        setStatus(`${nameOf(id)} could not be moved.`);
      }
    });
  }

  function drop({ active, over }: DragEndEvent) {
    const request = over ? moveForDrop(order, String(active.id), String(over.id)) : null;
    if (request) move(String(active.id), request);
  }

  function moveWithAlt(event: KeyboardEvent<HTMLLIElement>, id: string) {
    if (!event.altKey || (event.key !== 'ArrowUp' && event.key !== 'ArrowDown') || isTextField(event.target)) return;
    event.preventDefault();
    const request = moveByOffset(order, id, event.key === 'ArrowUp' ? -1 : 1);
    if (!request) {
      setStatus(`${nameOf(id)} is already ${event.key === 'ArrowUp' ? 'first' : 'last'}.`);
      return;
    }
    refocus.current = event.target instanceof HTMLElement ? event.target : null;
    move(id, request);
    setStatus(`${nameOf(id)} moved to position ${positionAfter(order, id, request)} of ${order.length}.`);
  }

  return (
    <>
      <DndContext
        id={dndId}
        sensors={sensors}
        collisionDetection={closestCenter}
        onDragEnd={drop}
        accessibility={{ announcements, screenReaderInstructions: { draggable: INSTRUCTIONS } }}
      >
        <SortableContext items={order} strategy={verticalListSortingStrategy}>
          <ul aria-label={label} className={className}>
            {rows.map((item) => (
              <SortableRow key={keyOf(item.id)} id={item.id} name={itemLabel(item)} onKeyDown={(event) => moveWithAlt(event, item.id)}>
                {(handle) => renderItem(item, handle)}
              </SortableRow>
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

interface RowProps {
  id: string;
  name: string;
  onKeyDown: (event: KeyboardEvent<HTMLLIElement>) => void;
  children: (dragHandle: ReactElement) => ReactNode;
}

function SortableRow({ id, name, onKeyDown, children }: RowProps) {
  const { attributes, listeners, setNodeRef, setActivatorNodeRef, transform, transition, isDragging } = useSortable({ id });
  const handle = (
    <button
      ref={setActivatorNodeRef}
      type="button"
      {...attributes}
      {...listeners}
      aria-label={`Move ${name}`}
      className="-my-1 -ml-1 inline-flex size-8 shrink-0 cursor-grab touch-manipulation items-center justify-center rounded-md text-zinc-500 hover:bg-zinc-100 active:cursor-grabbing dark:text-zinc-400 dark:hover:bg-zinc-800"
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
  return (
    <li
      ref={setNodeRef}
      onKeyDown={onKeyDown}
      style={{ transform: transform ? `translate3d(${transform.x}px, ${transform.y}px, 0)` : undefined, transition }}
      className={isDragging ? 'relative z-10 bg-white shadow-lg ring-1 ring-zinc-300 dark:bg-zinc-900 dark:ring-zinc-700' : undefined}
    >
      {children(handle)}
    </li>
  );
}

/** Whether a key pressed in `target` is typing, which Alt+arrows must leave alone. */
export function isTextField(target: EventTarget): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable || target instanceof HTMLTextAreaElement || target instanceof HTMLSelectElement) return true;
  return target instanceof HTMLInputElement && !['checkbox', 'radio', 'button', 'submit', 'reset'].includes(target.type);
}
