import type { TestProject } from 'vitest/node';
import { openDatabase } from '@/lib/db';
import { adminQuery, databaseUrl, quoteIdent } from '@/tests/helpers/postgres';

// Migrates a template database once; each test file clones it (CREATE DATABASE … TEMPLATE).
export default async function setup(project: TestProject) {
  const serverUrl = process.env.TEST_DATABASE_URL!;
  const template = `todo_test_template_${process.pid}`;
  await adminQuery(serverUrl, `drop database if exists ${quoteIdent(template)} with (force)`);
  await adminQuery(serverUrl, `create database ${quoteIdent(template)}`);
  const handle = await openDatabase({ driver: 'pg', url: databaseUrl(serverUrl, template), poolMax: 1 });
  const { migrate } = await import('@/lib/db/migrations');
  await migrate(handle.db);
  await handle.close();
  project.provide('testDatabase', { kind: 'postgres', serverUrl, template });
  return () => adminQuery(serverUrl, `drop database if exists ${quoteIdent(template)} with (force)`);
}
