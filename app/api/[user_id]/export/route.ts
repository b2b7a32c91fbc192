import { methodsNotAllowed } from '@/lib/http/handler';
import { parseWith } from '@/lib/http/validation';
import { userRoute } from '@/lib/scope/route';
import { EXPORT_MEDIA_TYPES, exportFileName, exportTasks } from '@/lib/transfer/export';
import { ExportQuery } from '@/lib/transfer/schemas';

const ALLOW = ['GET', 'HEAD', 'OPTIONS'];

export const GET = userRoute(async (scope, request) => {
  const { format } = parseWith(ExportQuery, Object.fromEntries(new URL(request.url).searchParams));
  const exportedAt = new Date();
  const body = await exportTasks(scope, format, exportedAt);
  return new Response(body, {
    headers: {
      'Content-Type': EXPORT_MEDIA_TYPES[format],
      'Content-Disposition': `attachment; filename="${exportFileName(format, exportedAt)}"`,
      'Cache-Control': 'no-store',
    },
  });
});

export const { POST, PUT, PATCH, DELETE, OPTIONS } = methodsNotAllowed(ALLOW);
