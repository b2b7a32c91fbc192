import { execFile } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { cp, mkdtemp, readFile, rm, symlink, unlink, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { checkMigrations, MIGRATIONS_FOLDER, readMigrations } from '@/lib/db/migrations';

// db:check is file-level (no database), so it runs once.
const ROOT = process.cwd();
const LAST = readMigrations().at(-1)!.tag;
const run = promisify(execFile);

const dirs: string[] = [];
afterAll(async () => {
  for (const dir of dirs) await rm(dir, { recursive: true, force: true });
});

async function tempDir(prefix: string): Promise<string> {
  const dir = await mkdtemp(path.join(os.tmpdir(), prefix));
  dirs.push(dir);
  return dir;
}

describe('npm run db:check', () => {
  /** A copy of the project's migrations, to break; npm run db:check reads ./drizzle of its cwd. */
  async function projectCopy(): Promise<{ dir: string; drizzle: string }> {
    const dir = await tempDir('todo-check-');
    await cp(MIGRATIONS_FOLDER, path.join(dir, 'drizzle'), { recursive: true });
    for (const file of ['package.json', 'tsconfig.json', 'drizzle.config.ts']) await cp(path.join(ROOT, file), path.join(dir, file));
    for (const link of ['node_modules', 'lib', 'scripts']) await symlink(path.join(ROOT, link), path.join(dir, link));
    return { dir, drizzle: path.join(dir, 'drizzle') };
  }

  async function dbCheck(cwd: string): Promise<{ code: number; output: string }> {
    try {
      const { stdout, stderr } = await run('npm', ['run', '--silent', 'db:check'], { cwd });
      return { code: 0, output: stdout + stderr };
    } catch (err) {
      const { code, stdout, stderr } = err as { code: number; stdout: string; stderr: string };
      return { code, output: stdout + stderr };
    }
  }

  /** Adds a migration numbered like the last one, as two branches generating at once would. */
  async function addClashingMigration(drizzle: string) {
    const journalFile = path.join(drizzle, 'meta', '_journal.json');
    const journal = JSON.parse(await readFile(journalFile, 'utf8')) as { entries: { idx: number; when: number; tag: string }[] };
    const last = journal.entries.at(-1)!;
    const tag = `${last.tag.split('_')[0]}_from_another_branch`;
    journal.entries.push({ ...last, idx: last.idx + 1, when: last.when + 1000, tag });
    await writeFile(journalFile, JSON.stringify(journal, null, 2));
    await writeFile(path.join(drizzle, `${tag}.sql`), 'CREATE TABLE "clash" ("id" integer);');
    await writeFile(path.join(drizzle, `${tag}.down.sql`), 'DROP TABLE "clash";');
    return tag;
  }

  it('passes on the project\'s own migrations', { timeout: 60_000 }, async () => {
    expect(checkMigrations()).toEqual([]);
    const { dir } = await projectCopy();
    expect(await dbCheck(dir)).toEqual({ code: 0, output: expect.stringContaining('Every migration has its down file') });
  });

  it('fails when a migration has no down file', { timeout: 60_000 }, async () => {
    const { dir, drizzle } = await projectCopy();
    await unlink(path.join(drizzle, `${LAST}.down.sql`));
    expect(checkMigrations(drizzle)).toEqual([`${LAST}: missing ${path.relative(ROOT, path.join(drizzle, `${LAST}.down.sql`))}`]);
    expect(await dbCheck(dir)).toEqual({ code: 1, output: expect.stringContaining(`${LAST}: missing drizzle/${LAST}.down.sql`) });
  });

  it('fails when two migrations claim the same place in the journal', { timeout: 60_000 }, async () => {
    const { dir, drizzle } = await projectCopy();
    const tag = await addClashingMigration(drizzle);
    expect(checkMigrations(drizzle)).toEqual([`${tag}: claims the same place as ${LAST}`]);
    expect(await dbCheck(dir)).toEqual({ code: 1, output: expect.stringContaining(`${tag}: claims the same place as ${LAST}`) });
  });

  it('fails when two snapshots branch from the same parent (drizzle-kit check)', { timeout: 60_000 }, async () => {
    const { dir, drizzle } = await projectCopy();
    const snapshots = path.join(drizzle, 'meta');
    const lastSnapshot = JSON.parse(await readFile(path.join(snapshots, `${LAST.split('_')[0]}_snapshot.json`), 'utf8'));
    await writeFile(path.join(snapshots, '9999_snapshot.json'), JSON.stringify({ ...lastSnapshot, id: randomUUID() }));
    expect(checkMigrations(drizzle)).toEqual([]);
    expect(await dbCheck(dir)).toEqual({ code: 1, output: expect.stringContaining('collision') });
  });
});
