import { readFile } from 'node:fs/promises';
import { expect, it } from 'vitest';
import { CLIENT_TYPES_FILE, clientTypes } from '@/scripts/openapi-types';

// The web app's client (lib/client/api.ts) is typed by this file: stale, it would typecheck
// against routes as they were.
it('lib/client/openapi.d.ts is what openapi-typescript makes of the current document (npm run openapi:types)', async () => {
  expect(await readFile(CLIENT_TYPES_FILE, 'utf8')).toBe(await clientTypes());
});
