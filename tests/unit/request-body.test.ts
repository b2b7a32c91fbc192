import { afterEach, describe, expect, it, vi } from 'vitest';
import { readBodyBytes, readBodyChunks, readJsonBody } from '@/lib/http/body';
import { errorResponse } from '@/lib/http/errors';

/** A POST whose client sends the start of a JSON body, then goes away (as undici reports it). */
function cutOffUpload(failure: Error = Object.assign(new Error('aborted'), { code: 'ECONNRESET' })): Request {
  let sent = false;
  const body = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (!sent) {
        sent = true;
        controller.enqueue(new TextEncoder().encode('{"title":"half'));
      } else {
        controller.error(failure);
      }
    },
  });
  return new Request('http://localhost/api/u/tasks', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body,
    duplex: 'half',
  } as RequestInit);
}

afterEach(() => vi.restoreAllMocks());

describe('an upload cut off by the client', () => {
  it('is a 400 from readJsonBody and readBodyBytes, not a database outage', async () => {
    const errors = vi.spyOn(console, 'error').mockImplementation(() => {});
    const request = cutOffUpload();
    const failure = await readJsonBody(request).catch((err: unknown) => err);
    const response = await errorResponse(failure, request);
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ status: 400, detail: 'The request body ended before it was complete' });
    expect(errors).not.toHaveBeenCalled();
    await expect(readBodyBytes(cutOffUpload())).rejects.toMatchObject({ status: 400 });
  });

  it('is told apart from a failure of ours, which stays a 500', async () => {
    const errors = vi.spyOn(console, 'error').mockImplementation(() => {});
    const request = cutOffUpload(new RangeError('Array buffer allocation failed'));
    const failure = await readJsonBody(request).catch((err: unknown) => err);
    expect(failure).toBeInstanceOf(RangeError);
    expect((await errorResponse(failure, request)).status).toBe(500);
    expect(errors).toHaveBeenCalledOnce();
  });

  it('is a 400 from readBodyChunks (an import read as it streams)', async () => {
    const chunks = readBodyChunks(cutOffUpload(), 1024);
    expect((await chunks.next()).value).toBeInstanceOf(Uint8Array);
    await expect(chunks.next()).rejects.toMatchObject({ status: 400 });
  });
});
