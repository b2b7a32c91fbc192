'use client';

import { useId } from 'react';
import type { TaskFilter } from '@/lib/client/task';

const FILTERS: { value: TaskFilter; label: string }[] = [
  { value: 'all', label: 'All' },
  { value: 'active', label: 'Active' },
  { value: 'completed', label: 'Completed' },
];

interface Props {
  filter: TaskFilter;
  onFilter: (filter: TaskFilter) => void;
  search: string;
  onSearch: (text: string) => void;
}

export function TaskFilters({ filter, onFilter, search, onSearch }: Props) {
  const id = useId();
  return (
    <div className="flex flex-col gap-3 sm:flex-row sm:items-center sm:justify-between">
      <div role="group" aria-label="Show" className="inline-flex self-start rounded-md border border-zinc-300 p-0.5 dark:border-zinc-700">
        {FILTERS.map(({ value, label }) => (
          <button
            key={value}
            type="button"
            aria-pressed={filter === value}
            onClick={() => onFilter(value)}
            className={`btn px-3 py-1.5 ${
              filter === value
                ? 'bg-zinc-900 text-white dark:bg-zinc-100 dark:text-zinc-900'
                : 'text-zinc-700 hover:bg-zinc-100 dark:text-zinc-300 dark:hover:bg-zinc-800'
            }`}
          >
            {label}
          </button>
        ))}
      </div>
      <div className="sm:w-64">
        <label htmlFor={`${id}-search`} className="sr-only">
          Search tasks
        </label>
        <input
          id={`${id}-search`}
          type="search"
          className="field py-1.5"
          placeholder="Search tasks"
          value={search}
          onChange={(e) => onSearch(e.target.value)}
          maxLength={200}
          autoComplete="off"
        />
      </div>
    </div>
  );
}
