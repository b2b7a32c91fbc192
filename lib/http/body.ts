import 'server-only';
import { HttpError } from '@/lib/http/problem';

export const MAX_BODY_BYTES = 64 * 1024;

function isJsonContentType(value: string | null): boolean {
  const mediaType = value?.split(';')[0]?.trim().toLowerCase();
  return mediaType === 'application/json';
}

async function readLimited(request: Request, limit: number): Promise<Uint8Array> {
  const declared = Number(request.headers.get('content-length'));
  if (declared > limit) throw new HttpError(413, `Request body must be at most ${limit / 1024} KiB`);
  if (!request.body) return new Uint8Array();
  const chunks: Uint8Array[] = [];
  let size = 0;
  const reader = request.body.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      await reader.cancel();
      throw new HttpError(413, `Request body must be at most ${limit / 1024} KiB`);
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks);
}

/**
 * The JSON body of a request, checked in the contract's order: `415` not application/json,
 * `413` over 64 KiB, `400` not valid JSON. Validation (`422`) is the caller's next step, with
 * `parseAll`, so that path, query, header and body errors are reported together.
 */
export async function readJsonBody(request: Request): Promise<unknown> {
  if (!isJsonContentType(request.headers.get('content-type'))) {
    throw new HttpError(415, 'Request body must be application/json');
  }
  const bytes = await readLimited(request, MAX_BODY_BYTES);
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
