import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { TaskSchema } from '@/lib/tasks/schemas';
import { createTestUser } from '@/tests/helpers/auth';
import { withTestDatabase } from '@/tests/helpers/db';
import { createTaskVia, tasksApi, type TasksApi } from '@/tests/helpers/requests';

// Random JSON at the write routes: whatever arrives, the answer is a success with a valid task
// or a problem document with a 4xx, never a 5xx (a CHECK constraint or the driver refusing
// a value the validation let through would show up here as a 500).

withTestDatabase();

let api: TasksApi;
let taskId: string;

beforeAll(async () => {
  api = tasksApi(await createTestUser());
  taskId = (await createTaskVia(api, { title: 'fuzzed', description: 'd' })).id;
});

const NUM_RUNS = 150;

const longText = fc.oneof(
  fc.integer({ min: 490, max: 510 }).map((n) => 'x'.repeat(n)),
  fc.integer({ min: 490, max: 510 }).map((n) => '😀'.repeat(n)),
  fc.integer({ min: 4990, max: 5010 }).map((n) => 'é'.repeat(n)),
  fc.integer({ min: 60_000, max: 70_000 }).map((n) => 'y'.repeat(n)),
);

const text = fc.oneof(
  fc.string(),
  fc.string({ unit: 'grapheme' }),
  fc.string({ unit: 'binary' }),
  fc.constantFrom('', ' ', '\u0000', 'a\u0000', '\ud800', '\udfff lone', '\u200b', '\u00a0\u3000', "'; drop table tasks; --", '%_\\'),
  longText,
);

const anyValue = fc.oneof(text, fc.integer(), fc.double(), fc.boolean(), fc.constant(null), fc.jsonValue({ maxDepth: 2 }));

const taskLikeBody = fc.record(
  {
    title: anyValue,
    description: anyValue,
    completed: anyValue,
    id: anyValue,
    user_id: anyValue,
    created_at: anyValue,
  },
  { requiredKeys: [] },
);

// Well-typed bodies too, so that the success path (and the database's own checks) is fuzzed.
const plausibleBody = fc.record(
  { title: text, description: fc.option(text), completed: fc.boolean() },
  { requiredKeys: ['title'] },
);

const body = fc.oneof(fc.jsonValue(), taskLikeBody, plausibleBody);

async function expectNoServerError(response: Response, success: number) {
  expect(response.status).toBeLessThan(500);
  const text = await response.text();
  if (response.status === success) {
    expect(TaskSchema.safeParse(JSON.parse(text)).success).toBe(true);
  } else {
    expect([400, 413, 422]).toContain(response.status);
    expect(response.headers.get('content-type')).toBe('application/problem+json');
  }
}

describe('random bodies never cause a 5xx', () => {
  it('on create', async () => {
    await fc.assert(
      fc.asyncProperty(body, async (b) => expectNoServerError(await api.create(b), 201)),
      { numRuns: NUM_RUNS },
    );
  });

  it('on PUT', async () => {
    await fc.assert(
      fc.asyncProperty(body, async (b) => expectNoServerError(await api.put(taskId, b), 200)),
      { numRuns: NUM_RUNS },
    );
  });

  it('on PATCH', async () => {
    await fc.assert(
      fc.asyncProperty(body, async (b) => expectNoServerError(await api.patch(taskId, b), 200)),
      { numRuns: NUM_RUNS },
    );
  });

  it('on the list query string', async () => {
    const params = fc.dictionary(fc.constantFrom('completed', 'q', 'sort', 'order', 'limit', 'cursor', 'x'), text.filter((s) => s.length < 3000), {
      maxKeys: 4,
    });
    await fc.assert(
      fc.asyncProperty(params, async (query) => {
        const response = await api.list(query);
        expect(response.status).toBeLessThan(500);
        if (response.status !== 200) expect(response.status).toBe(422);
      }),
      { numRuns: NUM_RUNS },
    );
  });
});
