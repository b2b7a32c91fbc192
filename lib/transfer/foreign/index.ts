import 'server-only';
import { createHash } from 'node:crypto';
import { unzipSync } from 'fflate';
import { getAccount } from '@/lib/account/account';
import { mediaTypeOf, readBodyBytes } from '@/lib/http/body';
import { HttpError } from '@/lib/http/problem';
import type { Scope } from '@/lib/scope/scope';
import { wallClockNow } from '@/lib/time-zone';
import { notTheFormat, type ForeignImport } from '@/lib/transfer/foreign/common';
import { fromGoogleTasks } from '@/lib/transfer/foreign/google-tasks';
import { fromTickTick } from '@/lib/transfer/foreign/ticktick';
import { fromTodoist } from '@/lib/transfer/foreign/todoist';
import { IMPORT_MAX_BYTES, type ImportSource } from '@/lib/transfer/schemas';

// Another app's file (`?from=`): read whole (at most 10 MiB, as every import), then turned into
// the plan an import of this app's own file makes, with warnings for what did not fit exactly.

export type ForeignMediaType = 'text/csv' | 'application/json' | 'application/zip';

export interface ForeignFile {
  mediaType: ForeignMediaType;
  bytes: Uint8Array;
  /** Identifies the file for `Idempotency-Key`: its exact bytes. */
  hash: string;
}

const MEDIA_TYPES = new Set<string>(['text/csv', 'application/json', 'application/zip']);

/** `415` for a media type no importer takes, `413` over 10 MiB, before anything else is read. */
export async function readForeignFile(request: Request): Promise<ForeignFile> {
  const mediaType = mediaTypeOf(request);
  if (!mediaType || !MEDIA_TYPES.has(mediaType)) throw new HttpError(415, 'Request body must be text/csv, application/json or application/zip');
  const bytes = await readBodyBytes(request, IMPORT_MAX_BYTES);
  return { mediaType: mediaType as ForeignMediaType, bytes, hash: createHash('sha256').update(bytes).digest('hex') };
}

const ACCEPTS: Record<ImportSource, ForeignMediaType[]> = {
  todoist: ['text/csv', 'application/zip'],
  ticktick: ['text/csv'],
  'google-tasks': ['application/json', 'application/zip'],
};

const utf8 = (bytes: Uint8Array) => {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new HttpError(400, 'The file is not UTF-8 text');
  }
};

function json(bytes: Uint8Array): unknown {
  try {
    return JSON.parse(utf8(bytes));
  } catch (err) {
    if (err instanceof HttpError) throw err;
    throw new HttpError(400, 'The file is not valid JSON');
  }
}

/** Google Takeout's zip: its Tasks/Tasks.json. */
function takeoutTasks(bytes: Uint8Array): Uint8Array {
  let found: Record<string, Uint8Array>;
  let taken = false;
  try {
    // The first Tasks.json only, and only if it inflates to what an import may be: a zip may
    // name the same compressed bytes under many names (a bomb).
    found = unzipSync(bytes, {
      filter: (file) => {
        if (taken || !/(^|\/)Tasks\.json$/.test(file.name) || file.originalSize > IMPORT_MAX_BYTES) return false;
        taken = true;
        return true;
      },
    });
  } catch {
    throw notTheFormat('file', 'is not a readable zip file');
  }
  const file = Object.values(found)[0];
  if (!file) throw notTheFormat('file', 'the zip holds no Tasks/Tasks.json (a Google Takeout export of Tasks)');
  return file;
}

/** The plan of another app's file; "today" for Todoist's date words is the account's. */
export async function foreignPlan(scope: Scope, file: ForeignFile, from: ImportSource, { project }: { project?: string }): Promise<ForeignImport> {
  if (!ACCEPTS[from].includes(file.mediaType)) throw new HttpError(415, `A ${from} import takes ${ACCEPTS[from].join(' or ')}`);
  switch (from) {
    case 'todoist': {
      const { timeZone } = await getAccount(scope);
      return fromTodoist(file.bytes, file.mediaType as 'text/csv' | 'application/zip', { project, now: wallClockNow(timeZone) });
    }
    case 'ticktick':
      return fromTickTick(utf8(file.bytes));
    case 'google-tasks':
      return fromGoogleTasks(json(file.mediaType === 'application/zip' ? takeoutTasks(file.bytes) : file.bytes));
  }
}
