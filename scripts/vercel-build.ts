// npm run vercel-build: what `vercel build` runs (here, in CI, in the preview workflow, and on
// Vercel's own builders) instead of `npm run build`.
//   1. Migrations, against DATABASE_URL when it is set. Without it there is no database to
//      migrate: a deployment's database is a server, and migrating an embedded PGlite folder on
//      the build machine would change nothing that is deployed. Say so, and go on.
//   2. next build.
//   3. Leave PGlite out of the instrumentation hook's trace too, as next.config.ts does for every
//      route (Turbopack applies outputFileTracingExcludes to routes only): on Vercel, PGlite
//      never runs.
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import nextEnv from '@next/env';

nextEnv.loadEnvConfig(process.cwd());
const run = (args: string[]) => execFileSync(process.execPath, args, { stdio: 'inherit' });

if (process.env.DATABASE_URL?.trim()) {
  run(['--conditions=react-server', '--import', 'tsx', 'scripts/db.ts', 'migrate']);
} else {
  console.log(
    '[vercel-build] Migrations skipped: DATABASE_URL is not set, so there is no database server to migrate. ' +
      'A deployment needs DATABASE_URL (README, Deployment); the embedded PGlite database is only for local use.',
  );
}

run([createRequire(import.meta.url).resolve('next/dist/bin/next'), 'build']);

const PGLITE = /(^|\/)node_modules\/@electric-sql\/pglite(-[0-9a-f]+)?(\/|$)/;
const distDir = process.env.NEXT_DIST_DIR || '.next';
const trace = path.join(distDir, 'server', 'instrumentation.js.nft.json');
if (process.env.VERCEL === '1' && existsSync(trace)) {
  const nft = JSON.parse(readFileSync(trace, 'utf8')) as { files: string[] };
  const kept = nft.files.filter((file) => !PGLITE.test(file));
  writeFileSync(trace, JSON.stringify({ ...nft, files: kept }));
  console.log(`[vercel-build] left ${nft.files.length - kept.length} PGlite files out of the instrumentation trace`);
}
