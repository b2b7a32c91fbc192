import { methodsNotAllowed } from '@/lib/http/handler';
import { json } from '@/lib/http/problem';
import { parseAll } from '@/lib/http/validation';
import { userRoute } from '@/lib/scope/route';
import { importPlan, importTasks, importTasksOnce, previewImport, readImportFile } from '@/lib/transfer/import';
import { ImportHeaders, ImportQuery } from '@/lib/transfer/schemas';

const ALLOW = ['POST', 'OPTIONS'];

export const POST = userRoute(async (scope, request) => {
  const file = await readImportFile(request);
  const { query, headers } = parseAll(
    { query: ImportQuery, headers: ImportHeaders },
    {
      query: Object.fromEntries(new URL(request.url).searchParams),
      headers: { 'idempotency-key': request.headers.get('idempotency-key') ?? undefined },
    },
  );
  const plan = importPlan(file);
  if (query.dry_run) return json(await previewImport(scope, plan));
  const key = headers['idempotency-key'];
  if (!key) return json(await importTasks(scope, plan), { status: 201 });
  const { result, replayed } = await importTasksOnce(scope, plan, { key, hash: file.hash });
  return json(result, { status: 201, headers: replayed ? { 'Idempotent-Replayed': 'true' } : {} });
});

export const { GET, HEAD, PUT, PATCH, DELETE, OPTIONS } = methodsNotAllowed(ALLOW);
