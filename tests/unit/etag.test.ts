import { describe, expect, it } from 'vitest';
import { taskETag as clientETag } from '@/lib/client/sync';
import { ifMatchVersions, taskETag as serverETag } from '@/lib/tasks/etag';

describe("the browser's ETag of a task", () => {
  it("is the server's, so the app can send If-Match for the version it shows", async () => {
    for (const [id, updatedAt] of [
      ['0b6f3c1e-8d4a-4f0e-a7f2-3c9d5e1b2a47', '2026-12-01T10:00:00.123Z'],
      ['5F0C8A53-2C1E-4A8E-9C57-0D3F2B9E4A11', '1999-01-01T00:00:00.000Z'],
    ] as const) {
      const tag = await clientETag({ id, updated_at: updatedAt });
      expect(tag).toBe(serverETag({ id, updatedAt: new Date(updatedAt) }));
      expect(ifMatchVersions(tag!, id)).toEqual([new Date(updatedAt)]);
    }
  });
});
