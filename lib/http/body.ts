import 'server-only';
import { HttpError } from '@/lib/http/problem';

/** The contract's limit for a request body, unless a route names another (import: 10 MiB). */
export const MAX_BODY_BYTES = 64 * 1024;
/** Sign-in and signup forms (next-auth's callback, the server actions). */
export const MAX_FORM_BYTES = 8 * 1024;

function isJsonContentType(value: string | null): boolean {
  const mediaType = value?.split(';')[0]?.trim().toLowerCase();
  return mediaType === 'application/json';
}

function tooLarge(limit: number): HttpError {
  const size = limit >= 1024 * 1024 ? `${limit / (1024 * 1024)} MiB` : `${limit / 1024} KiB`;
  return new HttpError(413, `Request body must be at most ${size}`);
}

/**
 * `413` when the request declares a body over `limit`: for routes that never read their body,
 * so that they answer as the ones that do.
 */
export function refuseDeclaredBody(request: Request, limit = MAX_BODY_BYTES): void {
  if (Number(request.headers.get('content-length')) > limit) throw tooLarge(limit);
}

/** How Node and undici report a client that went away mid-upload. */
function isClientAbort(err: unknown): boolean {
  const e = err as { code?: unknown; name?: unknown; message?: unknown } | null;
  return e?.code === 'ECONNRESET' || e?.code === 'ERR_STREAM_PREMATURE_CLOSE' || e?.name === 'AbortError' || e?.message === 'aborted';
}

/**
 * The next chunk of an upload. A client that goes away mid-body makes the read fail (undici's
 * `aborted`, code ECONNRESET): that is the client's doing, so it is a `400`, not a fault of ours
 * or the database's (whose unavailable errors share that code). Any other failure is ours and
 * goes on as it is (a `500`, logged).
 */
async function nextChunk(reader: ReadableStreamDefaultReader<Uint8Array>): Promise<ReadableStreamReadResult<Uint8Array>> {
  try {
    return await reader.read();
  } catch (err) {
    if (isClientAbort(err)) throw new HttpError(400, 'The request body ended before it was complete');
    throw err;
  }
}

/**
 * The raw body, at most `limit` bytes: a declared length over it is refused before anything is
 * read, and a chunked (or lying) body is cancelled as soon as the count passes it.
 */
export async function readBodyBytes(request: Request, limit = MAX_BODY_BYTES): Promise<Uint8Array> {
  refuseDeclaredBody(request, limit);
  if (!request.body) return new Uint8Array();
  const chunks: Uint8Array[] = [];
  let size = 0;
  const reader = request.body.getReader();
  for (;;) {
    const { done, value } = await nextChunk(reader);
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      await reader.cancel();
      throw tooLarge(limit);
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks);
}

/**
 * The JSON body of a request, checked in the contract's order: `415` not application/json,
 * `413` over `limit` (64 KiB unless a route says otherwise), `400` not valid JSON. Validation
 * (`422`) is the caller's next step, with `parseAll`, so that path, query, header and body
 * errors are reported together.
 */
export async function readJsonBody(request: Request, { limit = MAX_BODY_BYTES }: { limit?: number } = {}): Promise<unknown> {
  if (!isJsonContentType(request.headers.get('content-type'))) {
    throw new HttpError(415, 'Request body must be application/json');
  }
  const bytes = await readBodyBytes(request, limit);
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new HttpError(400, 'Request body is not valid UTF-8');
  }
  try {
    return JSON.parse(text);
  } catch {
    throw new HttpError(400, 'Request body is not valid JSON');
  }
}

/** The request's media type, lower-cased, without parameters (`text/csv; charset=utf-8` → `text/csv`). */
export function mediaTypeOf(request: Request): string | undefined {
  return request.headers.get('content-type')?.split(';')[0]?.trim().toLowerCase() || undefined;
}

/**
 * The raw body as it arrives, at most `limit` bytes in all: for a body that is parsed while it
 * streams in (an import's CSV). A declared length over the limit is refused before reading; a
 * chunked one fails with the same `413` as soon as the count passes it.
 */
export async function* readBodyChunks(request: Request, limit: number): AsyncGenerator<Uint8Array> {
  refuseDeclaredBody(request, limit);
  if (!request.body) return;
  let size = 0;
  const reader = request.body.getReader();
  try {
    for (;;) {
      const { done, value } = await nextChunk(reader);
      if (done) return;
      size += value.byteLength;
      if (size > limit) throw tooLarge(limit);
      yield value;
    }
  } finally {
    // Also when the consumer stops early: the rest of the upload is not read.
    await reader.cancel().catch(() => {});
  }
}
