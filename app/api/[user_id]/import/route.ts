import { methodsNotAllowed } from '@/lib/http/handler';
import { json } from '@/lib/http/problem';
import { parseAll } from '@/lib/http/validation';
import { userRoute } from '@/lib/scope/route';
import { foreignPlan, readForeignFile } from '@/lib/transfer/foreign';
import { importPlan, importTasks, importTasksOnce, previewImport, readImportFile } from '@/lib/transfer/import';
import { ImportHeaders, ImportQuery } from '@/lib/transfer/schemas';

const ALLOW = ['POST', 'OPTIONS'];

export const POST = userRoute(async (scope, request) => {
  // The body first (415, 413, 400), as for every import; `from` says how to read it.
  const { searchParams } = new URL(request.url);
  const foreign = searchParams.has('from');
  const file = foreign ? await readForeignFile(request) : await readImportFile(request);
  const { query, headers } = parseAll(
    { query: ImportQuery, headers: ImportHeaders },
    {
      query: Object.fromEntries(searchParams),
      headers: { 'idempotency-key': request.headers.get('idempotency-key') ?? undefined },
    },
  );
  const { plan, warnings } = 'mediaType' in file ? await foreignPlan(scope, file, query.from!, { project: query.project }) : { plan: importPlan(file), warnings: undefined };
  if (query.dry_run) return json(await previewImport(scope, plan, warnings));
  const key = headers['idempotency-key'];
  if (!key) return json(await importTasks(scope, plan, warnings), { status: 201 });
  // Another app's file is one request with how it is read: the same bytes from another app are another.
  const hash = 'mediaType' in file ? `${file.hash}:${query.from}:${query.project ?? ''}` : file.hash;
  const { result, replayed } = await importTasksOnce(scope, plan, { key, hash, warnings });
  return json(result, { status: 201, headers: replayed ? { 'Idempotent-Replayed': 'true' } : {} });
});

export const { GET, HEAD, PUT, PATCH, DELETE, OPTIONS } = methodsNotAllowed(ALLOW);
