import { execFile } from 'node:child_process';
import { copyFile, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { expect, test } from '@playwright/test';
import openapiTS, { astToString, type OpenAPI3 } from 'openapi-typescript';

// What an API user does: generate types from the running server's /api/openapi.json with
// openapi-typescript, typecheck a program that calls every route through openapi-fetch
// (client/program.ts), then run it against the server. A document that disagrees with the app
// fails here: in tsc when the program cannot be written against it, at run time when the app
// answers otherwise.

const run = promisify(execFile);
const ROOT = path.resolve(import.meta.dirname, '../..');
const bin = (name: string) => path.join(ROOT, 'node_modules/.bin', name);

test('a client generated from /api/openapi.json typechecks and works against the app', async ({ request, baseURL }) => {
  test.setTimeout(120_000);
  const response = await request.get('/api/openapi.json');
  expect(response.status()).toBe(200);
  const types = astToString(await openapiTS((await response.json()) as OpenAPI3));

  // Inside node_modules/.cache so that the program resolves openapi-fetch from the project.
  const cache = path.join(ROOT, 'node_modules/.cache');
  await mkdir(cache, { recursive: true });
  const dir = await mkdtemp(path.join(cache, 'typed-client-'));
  try {
    await writeFile(path.join(dir, 'openapi.d.ts'), types);
    await copyFile(path.join(import.meta.dirname, 'client/program.ts'), path.join(dir, 'program.ts'));
    const tsconfig = {
      compilerOptions: {
        target: 'ES2022',
        module: 'esnext',
        moduleResolution: 'bundler',
        strict: true,
        noUncheckedIndexedAccess: true,
        skipLibCheck: true,
        noEmit: true,
        types: ['node'],
        typeRoots: [path.join(ROOT, 'node_modules/@types')],
        // The program imports the generated types as the web app does; here they are the server's.
        paths: { '@/lib/client/openapi': ['./openapi.d.ts'] },
      },
      files: ['program.ts'],
    };
    await writeFile(path.join(dir, 'tsconfig.json'), JSON.stringify(tsconfig));
    await writeFile(path.join(dir, 'package.json'), JSON.stringify({ type: 'module' }));

    const typecheck = await run(bin('tsc'), ['--noEmit', '-p', dir]).catch((err: { stdout: string }) => err);
    expect(typecheck.stdout, 'tsc on the client program').toBe('');

    const program = await run(bin('tsx'), [path.join(dir, 'program.ts'), baseURL!], { cwd: dir }).catch(
      (err: { stdout: string; stderr: string }) => err,
    );
    expect(program.stderr, 'the client program against the app').toBe('');
    expect(program.stdout).toContain('every call answered as the document says');
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});
