import { defineConfig } from 'drizzle-kit';

// Only `generate` and `check` use drizzle-kit; applying and rolling back go through
// scripts/db.ts so that all three drivers (and down migrations) share one code path.
export default defineConfig({
  dialect: 'postgresql',
  schema: './lib/db/schema.ts',
  out: './drizzle',
});
