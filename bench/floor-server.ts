// The floor for `npm run bench`: the least a server can do on this machine for
// POST /api/{user_id}/tasks (the same INSERT … RETURNING into the same table) and for the first
// page of GET /api/{user_id}/tasks (the same columns, labels and total, in one statement, as
// JSON). Bare node:http and a pg pool of the app's size; no framework, no auth, no validation
// beyond "title is a string".
//   DATABASE_URL=postgres://… PORT=3302 tsx bench/floor-server.ts
import { createServer } from 'node:http';
import pg from 'pg';

const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: Number(process.env.POOL_MAX ?? 20) });
const port = Number(process.env.PORT ?? 3302);
const ROUTE = /^\/api\/([0-9a-f-]{36})\/tasks$/;

const INSERT = `insert into tasks (user_id, title, description, completed) values ($1, $2, $3, $4)
  returning id, user_id, title, description, completed, created_at, updated_at`;

// The app's first page: newest first, 50 tasks with their label names, and the count of all;
// of one list (the user's Inbox, named by their id), which is all an account without projects has.
const FIRST_PAGE = {
  name: 'floor_first_page',
  text: `select t.id, t.user_id, t.title, t.description, t.completed, t.due_date, t.due_time, t.priority,
      t.repeat_every, t.repeat_interval, t.position, t.created_at, t.updated_at,
      array(select l.name from task_labels tl join labels l on l.id = tl.label_id where tl.task_id = t.id order by lower(l.name), l.name) as labels,
      (select count(*) from tasks where list_id = $1) as total
    from tasks t where t.list_id = $1 order by t.created_at desc, t.id desc limit 51`,
};

function send(res: import('node:http').ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) {
  res.writeHead(status, { 'content-type': 'application/json', ...headers });
  res.end(JSON.stringify(body));
}

function firstPage(res: import('node:http').ServerResponse, userId: string) {
  pool.query({ ...FIRST_PAGE, values: [userId] }).then(
    ({ rows }) => {
      const total = String(rows[0]?.total ?? 0);
      const page = rows.slice(0, 50).map(({ total: _, ...task }) => task);
      send(res, 200, page, { 'x-total-count': total, 'cache-control': 'no-store' });
    },
    (err: Error) => {
      console.error(`[floor] list failed: ${err.message}`);
      send(res, 500, { status: 500 });
    },
  );
}

const server = createServer((req, res) => {
  const userId = ROUTE.exec(req.url ?? '')?.[1];
  if (req.method === 'GET' && userId) return firstPage(res, userId);
  if (req.method !== 'POST' || !userId) return send(res, 404, { status: 404 });
  const chunks: Buffer[] = [];
  req.on('data', (chunk: Buffer) => chunks.push(chunk));
  req.on('end', () => {
    let input: { title?: unknown; description?: unknown; completed?: unknown };
    try {
      input = JSON.parse(Buffer.concat(chunks).toString('utf8'));
    } catch {
      return send(res, 400, { status: 400 });
    }
    if (typeof input.title !== 'string') return send(res, 422, { status: 422 });
    const description = typeof input.description === 'string' ? input.description : null;
    pool.query(INSERT, [userId, input.title, description, input.completed === true]).then(
      ({ rows: [task] }) => send(res, 201, task, { location: `/api/${userId}/tasks/${task.id}`, 'cache-control': 'no-store' }),
      (err: Error) => {
        console.error(`[floor] insert failed: ${err.message}`);
        send(res, 500, { status: 500 });
      },
    );
  });
});

server.listen(port, '127.0.0.1', () => console.log(`floor server on http://127.0.0.1:${port}`));

for (const signal of ['SIGTERM', 'SIGINT'] as const) {
  process.once(signal, () => server.close(() => void pool.end()));
}
