// The floor for `npm run bench`: the least a server can do for POST /api/{user_id}/tasks on
// this machine. Bare node:http and a pg pool of the app's size, the same INSERT … RETURNING
// into the same table; no framework, no auth, no validation beyond "title is a string".
//   DATABASE_URL=postgres://… PORT=3302 tsx bench/floor-server.ts
import { createServer } from 'node:http';
import pg from 'pg';

const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: Number(process.env.POOL_MAX ?? 20) });
const port = Number(process.env.PORT ?? 3302);
const ROUTE = /^\/api\/([0-9a-f-]{36})\/tasks$/;

const INSERT = `insert into tasks (user_id, title, description, completed) values ($1, $2, $3, $4)
  returning id, user_id, title, description, completed, created_at, updated_at`;

function send(res: import('node:http').ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) {
  res.writeHead(status, { 'content-type': 'application/json', ...headers });
  res.end(JSON.stringify(body));
}

const server = createServer((req, res) => {
  const userId = ROUTE.exec(req.url ?? '')?.[1];
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
