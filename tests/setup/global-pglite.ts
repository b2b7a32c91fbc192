import { rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { openDatabase } from '@/lib/db';

// initdb and the migrations run once (~3 s); each test file then starts from this snapshot.
export default async function setup(project: TestProject) {
  const handle = await openDatabase({ driver: 'pglite', dataDir: 'memory://' });
  const client = (handle.db as unknown as { $client: { dumpDataDir(c: 'none'): Promise<Blob> } }).$client;
  const snapshot = await client.dumpDataDir('none');
  await handle.close();
  const file = path.join(os.tmpdir(), `todo-pglite-${process.pid}-${Date.now()}.tar`);
  await writeFile(file, Buffer.from(await snapshot.arrayBuffer()));
  project.provide('testDatabase', { kind: 'pglite', snapshot: file });
  return () => rm(file, { force: true });
}
