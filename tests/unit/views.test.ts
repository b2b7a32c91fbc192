import { describe, expect, it } from 'vitest';
import { viewFromSearch, viewHref, viewQuery } from '@/lib/client/views';

// 2026-12-31 at 23:30 local time: Upcoming runs into the next year.
const now = new Date(2026, 11, 31, 23, 30);

const PROJECT = '3f1c2b7a-5d4e-4a6b-9c8d-7e6f5a4b3c2d';

describe('views as URLs', () => {
  it('reads the view from the search parameters, a label before anything else', () => {
    expect(viewFromSearch({})).toEqual({ kind: 'inbox' });
    expect(viewFromSearch({ view: 'today' })).toEqual({ kind: 'today' });
    expect(viewFromSearch({ view: 'upcoming' })).toEqual({ kind: 'upcoming' });
    expect(viewFromSearch({ view: 'someday' })).toEqual({ kind: 'inbox' });
    expect(viewFromSearch({ label: ' home ', view: 'today' })).toEqual({ kind: 'label', name: 'home' });
    expect(viewFromSearch({ label: ['a', 'b'] })).toEqual({ kind: 'label', name: 'a' });
    expect(viewFromSearch({ label: '  ' })).toEqual({ kind: 'inbox' });
    expect(viewFromSearch({ project: PROJECT.toUpperCase(), label: 'home' })).toEqual({ kind: 'project', id: PROJECT });
    expect(viewFromSearch({ project: 'not-a-project' })).toEqual({ kind: 'inbox' });
  });

  it('writes each view back as the URL it came from', () => {
    for (const search of [{}, { view: 'today' }, { view: 'upcoming' }, { label: 'R&D #1 / ünïcode' }, { project: PROJECT }]) {
      const href = viewHref(viewFromSearch(search));
      const params = Object.fromEntries(new URL(href, 'http://localhost').searchParams);
      expect(viewFromSearch(params)).toEqual(viewFromSearch(search));
    }
  });
});

describe('the list query of each view, on the browser’s day', () => {
  it('lists the Inbox (the tasks in no project), a project and a label in the manual order', () => {
    expect(viewQuery({ kind: 'inbox' }, now)).toEqual({ sort: 'position', project: 'inbox' });
    expect(viewQuery({ kind: 'project', id: PROJECT }, now, true)).toEqual({ sort: 'position', project: PROJECT, completed: false });
    expect(viewQuery({ kind: 'label', name: 'home' }, now, true)).toEqual({ sort: 'position', label: ['home'], completed: false });
  });

  it('lists open tasks due today or earlier under Today', () => {
    expect(viewQuery({ kind: 'today' }, now)).toEqual({ sort: 'due', completed: false, due_to: '2026-12-31' });
  });

  it('lists open tasks of the seven days from today under Upcoming', () => {
    expect(viewQuery({ kind: 'upcoming' }, now)).toEqual({ sort: 'due', completed: false, due_from: '2026-12-31', due_to: '2027-01-06' });
  });
});
