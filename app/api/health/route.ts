import { checkHealth } from '@/lib/health';
import { allowedMethods, methodNotAllowed } from '@/lib/http';

export const dynamic = 'force-dynamic';

// Plain JSON, not a problem document: monitors read `status`.
export async function GET() {
  const health = await checkHealth();
  return Response.json(health, {
    status: health.status === 'ok' ? 200 : 503,
    headers: { 'Cache-Control': 'no-store', ...(health.status !== 'ok' && { 'Retry-After': '5' }) },
  });
}

const ALLOW = ['GET', 'HEAD', 'OPTIONS'];

export const POST = methodNotAllowed(ALLOW);
export const PUT = methodNotAllowed(ALLOW);
export const PATCH = methodNotAllowed(ALLOW);
export const DELETE = methodNotAllowed(ALLOW);
export const OPTIONS = allowedMethods(ALLOW);
