// npm run openapi:types: writes lib/client/openapi.d.ts, the TypeScript types of
// /api/openapi.json as openapi-typescript reads it, for the web app's typed client
// (lib/client/api.ts). tests/unit/openapi-types.once.test.ts fails while the file is stale.
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import openapiTS, { astToString, type OpenAPI3 } from 'openapi-typescript';
import { openApiDocument } from '@/lib/openapi/document';

export const CLIENT_TYPES_FILE = path.resolve('lib/client/openapi.d.ts');

const HEADER = `// Generated from /api/openapi.json by \`npm run openapi:types\` (openapi-typescript). Do not edit.\n\n`;

/** The types openapi-typescript makes of a document, as a client of the API would generate them. */
export async function clientTypes(document: object = openApiDocument()): Promise<string> {
  return HEADER + astToString(await openapiTS(structuredClone(document) as OpenAPI3));
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  await writeFile(CLIENT_TYPES_FILE, await clientTypes());
  console.log(`wrote ${path.relative(process.cwd(), CLIENT_TYPES_FILE)}`);
}
