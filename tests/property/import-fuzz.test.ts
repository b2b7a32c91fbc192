import { eq } from 'drizzle-orm';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { labels, tasks } from '@/lib/db/schema';
import { createTestUser, type TestUser } from '@/tests/helpers/auth';
import { withTestDatabase } from '@/tests/helpers/db';
import { transferApi } from '@/tests/helpers/requests';

// Random files at POST /import, as JSON and as CSV: whatever arrives, the answer is a 201 (200 for
// a dry run) or a problem document with a 4xx, never a 5xx; and a refused file stores nothing.

const database = withTestDatabase();

let user: TestUser;

beforeAll(async () => {
  user = await createTestUser();
});

const NUM_RUNS = 120;

const text = fc.oneof(
  fc.string(),
  fc.string({ unit: 'grapheme' }),
  fc.string({ unit: 'binary' }),
  fc.constantFrom('', ' ', '\u0000', 'a\u0000', '\ud800x', '\udfff', 'a;b', 'c\\d', '\\;', '=1+1', "'=x", '@cmd', '\u200b', '"', '""', ',', '\r\n'),
  fc.integer({ min: 495, max: 505 }).map((n) => 'x'.repeat(n)),
  fc.integer({ min: 55, max: 65 }).map((n) => 'é'.repeat(n)),
);

const anyValue = fc.oneof(text, fc.integer(), fc.double(), fc.boolean(), fc.constant(null), fc.jsonValue({ maxDepth: 2 }));

const instant = fc.oneof(
  fc.date({ min: new Date('0001-01-01T00:00:00Z'), max: new Date('9999-12-31T23:59:59.999Z'), noInvalidDate: true }).map((d) => d.toISOString()),
  fc.constantFrom('0000-12-31T23:59:59Z', '0001-01-01T00:00:00+14:00', '10000-01-01T00:00:00Z', '2026-02-30T00:00:00Z', '2026-12-01', 'yesterday'),
);

const taskLike = fc.record(
  {
    title: fc.oneof(text, anyValue),
    description: fc.oneof(text, fc.constant(null), anyValue),
    completed: fc.oneof(fc.boolean(), anyValue),
    due_date: fc.oneof(fc.constantFrom('1900-01-01', '9999-12-31', '1899-12-31', '2026-02-29', '2028-02-29', null), anyValue),
    due_time: fc.oneof(fc.constantFrom('00:00', '23:59', '24:00', '9:00', null), anyValue),
    priority: fc.oneof(fc.constantFrom('none', 'low', 'medium', 'high', 'urgent'), anyValue),
    labels: fc.oneof(fc.array(text, { maxLength: 22 }), anyValue),
    repeat: fc.oneof(fc.record({ every: fc.constantFrom('day', 'weekday', 'week', 'month', 'year', 'hour'), interval: fc.integer({ min: -1, max: 400 }) }), fc.constant(null), anyValue),
    created_at: fc.oneof(instant, anyValue),
  },
  { requiredKeys: [] },
);

// Mostly right, with one odd value here and there: what reaches the database's own checks.
const name = fc.oneof(
  { weight: 3, arbitrary: fc.string({ minLength: 1, maxLength: 12 }) },
  { weight: 1, arbitrary: fc.constantFrom('\ud800x', 'y\udc00', 'a;b', 'c\\d', 'Home', 'HOME', ' home ', 'İstanbul', 'ß', 'Σ', 'é'.repeat(60)) },
);
const plausibleTask = fc.record(
  {
    title: name,
    description: fc.option(name),
    completed: fc.boolean(),
    due_date: fc.option(fc.constantFrom('1900-01-01', '2026-12-01', '9999-12-31')),
    priority: fc.constantFrom('none', 'low', 'medium', 'high'),
    labels: fc.array(name, { maxLength: 4 }),
    created_at: instant,
  },
  { requiredKeys: ['title'] },
);

const jsonDocument = fc.oneof(
  fc.jsonValue({ maxDepth: 3 }),
  fc.record({
    format: fc.constant('todo-export'),
    version: fc.constant(1),
    labels: fc.array(fc.record({ name, color: fc.constantFrom('grey', 'red') }), { maxLength: 3 }),
    tasks: fc.array(plausibleTask, { maxLength: 5 }),
  }),
  fc.record(
    {
      format: fc.oneof(fc.constant('todo-export'), anyValue),
      version: fc.oneof(fc.constant(1), anyValue),
      exported_at: fc.oneof(instant, anyValue),
      labels: fc.oneof(fc.array(fc.record({ name: fc.oneof(text, anyValue), color: fc.oneof(fc.constantFrom('grey', 'red', 'beige'), anyValue) }, { requiredKeys: [] }), { maxLength: 4 }), anyValue),
      tasks: fc.oneof(fc.array(taskLike, { maxLength: 6 }), anyValue),
    },
    { requiredKeys: ['format', 'version', 'tasks'] },
  ),
);

const CSV_COLUMNS = ['title', 'description', 'completed', 'due_date', 'due_time', 'priority', 'labels', 'repeat', 'created_at'];

const cell = fc.oneof(text, fc.constantFrom('true', 'false', 'TRUE', 'week/2', 'day/0', 'month/999', '2026-12-01', '25:00', 'high', 'home;work'));
const quoted = (value: string) => (/[",\r\n]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value);

const csvFile = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 400 }),
  fc
    .tuple(
      fc.shuffledSubarray(CSV_COLUMNS, { minLength: 1 }),
      fc.array(fc.array(cell, { minLength: 0, maxLength: 10 }), { maxLength: 6 }),
      fc.constantFrom('\r\n', '\n'),
      fc.boolean(),
    )
    .map(([header, rows, newline, bom]) => `${bom ? '\ufeff' : ''}${[header, ...rows].map((row) => row.map(quoted).join(',')).join(newline)}${newline}`),
);

async function stored() {
  return {
    tasks: await database.current.db.$count(tasks, eq(tasks.userId, user.id)),
    labels: await database.current.db.$count(labels, eq(labels.userId, user.id)),
  };
}

async function expectAnsweredWithoutServerError(response: Response, before: { tasks: number; labels: number }, input: string) {
  expect(response.status, input).toBeLessThan(500);
  if (response.status === 201 || response.status === 200) return;
  expect(response.headers.get('content-type'), input).toBe('application/problem+json');
  expect(await stored(), `a refused import stored something: ${input}`).toEqual(before);
}

describe('POST /api/{user_id}/import with random files', () => {
  it('answers a JSON document with 201 (200 for a dry run) or a 4xx, never a 5xx, and stores nothing when it refuses', async () => {
    await fc.assert(
      fc.asyncProperty(jsonDocument, fc.boolean(), async (document, dryRun) => {
        const before = await stored();
        const response = await transferApi(user).importJson(document, dryRun ? { query: { dry_run: 'true' } } : {});
        await expectAnsweredWithoutServerError(response, before, JSON.stringify(document).slice(0, 300));
        if (dryRun) {
          expect(response.status).not.toBe(201);
          expect(await stored()).toEqual(before);
        }
      }),
      { numRuns: NUM_RUNS },
    );
  });

  it('answers a CSV file with 201 or a 4xx, never a 5xx, and stores nothing when it refuses', async () => {
    await fc.assert(
      fc.asyncProperty(csvFile, async (csv) => {
        const before = await stored();
        const response = await transferApi(user).importCsv(csv);
        await expectAnsweredWithoutServerError(response, before, JSON.stringify(csv).slice(0, 300));
      }),
      { numRuns: NUM_RUNS },
    );
  });
});
