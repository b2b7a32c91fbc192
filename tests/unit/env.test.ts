import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { parseEnv } from '@/lib/env';

const run = promisify(execFile);
const SECRET = 'x'.repeat(40);

describe('parseEnv', () => {
  it('accepts postgres:// and postgresql:// URLs, and an empty one (PGlite)', () => {
    expect(parseEnv({ DATABASE_URL: 'postgres://u:p@db.example.com:5432/todo' }).DATABASE_URL).toBe('postgres://u:p@db.example.com:5432/todo');
    expect(parseEnv({ DATABASE_URL: 'postgresql:///todo?host=/var/run/postgresql' }).DATABASE_URL).toBe('postgresql:///todo?host=/var/run/postgresql');
    expect(parseEnv({ DATABASE_URL: '  ' }).DATABASE_URL).toBeUndefined();
  });

  it.each([
    ['another protocol', 'mysql://u:p@db.example.com/todo'],
    ['a host without a protocol', 'db.example.com:5432/todo'],
  ])('rejects %s, naming DATABASE_URL and never echoing the value', (_name, url) => {
    expect(() => parseEnv({ DATABASE_URL: url })).toThrow('Invalid environment: DATABASE_URL must be a postgres:// or postgresql:// URL');
    expect(() => parseEnv({ DATABASE_URL: url })).not.toThrow(/u:p|example/);
  });

  it.each(['pg', 'neon'])('rejects DATABASE_DRIVER=%s without a DATABASE_URL', (driver) => {
    expect(() => parseEnv({ DATABASE_DRIVER: driver })).toThrow(`Invalid environment: DATABASE_URL must be set when DATABASE_DRIVER is ${driver}`);
    expect(parseEnv({ DATABASE_DRIVER: driver, DATABASE_URL: 'postgres://127.0.0.1/todo' }).DATABASE_DRIVER).toBe(driver);
  });

  it('names every bad variable in the same line', () => {
    expect(() => parseEnv({ NODE_ENV: 'production', DATABASE_DRIVER: 'pg', AUTH_SECRET: 'too short' })).toThrow(
      /^Invalid environment: DATABASE_URL must be set when DATABASE_DRIVER is pg; AUTH_SECRET must be set/,
    );
  });
});

describe('a server starting with a bad DATABASE_URL', () => {
  it('stops with exit code 1 and one line naming the variable', { timeout: 30_000 }, async () => {
    // What instrumentation.ts runs first when `next start` boots.
    const start = run(path.join(process.cwd(), 'node_modules/.bin/tsx'), ['--conditions=react-server', 'lib/server/start.ts'], {
      env: { ...process.env, NODE_ENV: 'production', AUTH_SECRET: SECRET, DATABASE_URL: 'mysql://u:secret@db.example.com/todo' },
    });
    const failure = await start.then(
      () => undefined,
      (err: { code: number; stdout: string; stderr: string }) => err,
    );
    expect(failure).toMatchObject({ code: 1, stdout: '' });
    expect(failure!.stderr.trim()).toBe('Invalid environment: DATABASE_URL must be a postgres:// or postgresql:// URL');
  });
});
