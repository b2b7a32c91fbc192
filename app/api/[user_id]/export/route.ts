import { requireCaller } from '@/lib/auth/caller';
import { handler, methodsNotAllowed } from '@/lib/http/handler';
import { parseWith } from '@/lib/http/validation';
import { EXPORT_MEDIA_TYPES, exportFileName, exportTasks } from '@/lib/transfer/export';
import { ExportQuery } from '@/lib/transfer/schemas';

type Context = { params: Promise<{ user_id: string }> };

const ALLOW = ['GET', 'HEAD', 'OPTIONS'];

export const GET = handler(async (request: Request, { params }: Context) => {
  const caller = await requireCaller(request, (await params).user_id);
  const { format } = parseWith(ExportQuery, Object.fromEntries(new URL(request.url).searchParams));
  const exportedAt = new Date();
  const body = await exportTasks(caller, format, exportedAt);
  return new Response(body, {
    headers: {
      'Content-Type': EXPORT_MEDIA_TYPES[format],
      'Content-Disposition': `attachment; filename="${exportFileName(format, exportedAt)}"`,
      'Cache-Control': 'no-store',
    },
  });
});

export const { POST, PUT, PATCH, DELETE, OPTIONS } = methodsNotAllowed(ALLOW);
