import { describe, expect, it } from 'vitest';
import * as docsAsset from '@/app/docs/assets/[file]/route';
import * as docsPage from '@/app/docs/route';
import { problemOf } from '@/tests/helpers/requests';

describe.each([
  ['/docs', docsPage],
  ['/docs/assets/{file}', docsAsset],
])('other methods on %s', (_path, route) => {
  it.each(['POST', 'PUT', 'PATCH', 'DELETE'] as const)('%s answers 405 with Allow, as a problem document', async (method) => {
    const response = await route[method]();
    expect(response.status).toBe(405);
    expect(response.headers.get('allow')).toBe('GET, HEAD, OPTIONS');
    expect(await problemOf(response)).toMatchObject({ status: 405, title: 'Method Not Allowed' });
  });

  it('OPTIONS lists only the methods it serves', async () => {
    const response = await route.OPTIONS();
    expect(response.status).toBe(204);
    expect(response.headers.get('allow')).toBe('GET, HEAD, OPTIONS');
  });
});
