// npm run db:migrate | db:rollback [-- --to <tag>|--all] | db:status | db:check
// against DATABASE_URL (or the embedded PGlite folder when it is unset).
import { parseArgs } from 'node:util';
import { databaseOptionsFromEnv, openDatabase, type Database, type Driver } from '@/lib/db';
import { checkMigrations, migrate, migrationStatus, rollback } from '@/lib/db/migrations';
import { runAsCommand } from './command';

const { positionals, values } = parseArgs({
  allowPositionals: true,
  options: { to: { type: 'string' }, all: { type: 'boolean' } },
});
const command = positionals[0];

async function main(): Promise<number> {
  if (command === 'check') {
    const problems = checkMigrations();
    for (const p of problems) console.error(p);
    if (problems.length === 0) console.log('Every migration has its down file and its own place.');
    return problems.length ? 1 : 0;
  }

  const handle = await openDatabase({ ...databaseOptionsFromEnv(), autoMigrate: false, poolMax: 1 });
  try {
    return await run(handle.db, handle.driver);
  } finally {
    await handle.close();
  }
}

async function run(db: Database, driver: Driver): Promise<number> {
  switch (command) {
    case 'migrate': {
      const applied = await migrate(db);
      console.log(applied.length ? `Applied (${driver}): ${applied.join(', ')}` : `Up to date (${driver}).`);
      return 0;
    }
    case 'rollback': {
      const undone = await rollback(db, { to: values.all ? null : values.to });
      console.log(undone.length ? `Rolled back (${driver}): ${undone.join(', ')}` : 'Nothing to roll back.');
      return 0;
    }
    case 'status': {
      for (const { tag, appliedAt } of await migrationStatus(db)) {
        console.log(`${appliedAt ? 'applied' : 'pending'}  ${tag}${appliedAt ? `  ${appliedAt.toISOString()}` : ''}`);
      }
      return 0;
    }
    default:
      console.error('usage: tsx scripts/db.ts migrate | rollback [--to <tag> | --all] | status | check');
      return 2;
  }
}

runAsCommand(main);
