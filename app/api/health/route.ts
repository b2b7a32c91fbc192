import { checkHealth } from '@/lib/db/health';
import { handler, methodsNotAllowed } from '@/lib/http/handler';

export const dynamic = 'force-dynamic';

// Plain JSON, not a problem document: monitors read `status`.
export const GET = handler(async () => {
  const health = await checkHealth();
  return Response.json(health, {
    status: health.status === 'ok' ? 200 : 503,
    headers: { 'Cache-Control': 'no-store', ...(health.status !== 'ok' && { 'Retry-After': '5' }) },
  });
});

const ALLOW = ['GET', 'HEAD', 'OPTIONS'];

export const { POST, PUT, PATCH, DELETE, OPTIONS } = methodsNotAllowed(ALLOW);
