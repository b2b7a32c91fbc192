import 'server-only';
import type { Notification } from '@/lib/db/schema';
import type { NotificationJson } from '@/lib/notifications/schemas';

export function toNotificationJson(notification: Notification): NotificationJson {
  return {
    id: notification.id,
    kind: notification.kind,
    task_id: notification.taskId,
    project_id: notification.projectId,
    title: notification.title,
    body: notification.body,
    created_at: notification.createdAt.toISOString(),
    read_at: notification.readAt?.toISOString() ?? null,
  };
}
