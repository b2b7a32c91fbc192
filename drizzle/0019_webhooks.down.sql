-- Webhooks go with their outbox.
DROP TRIGGER "projects_enqueue_webhooks" ON "projects";--> statement-breakpoint
DROP TRIGGER "tasks_enqueue_webhooks" ON "tasks";--> statement-breakpoint
DROP FUNCTION "projects_enqueue_webhooks"();--> statement-breakpoint
DROP FUNCTION "tasks_enqueue_webhooks"();--> statement-breakpoint
DROP FUNCTION "webhook_readers"(uuid, uuid);--> statement-breakpoint
DROP FUNCTION "webhooks_enqueue"(text, uuid[], json);--> statement-breakpoint
DROP FUNCTION "webhook_task_json"("tasks");--> statement-breakpoint
DROP FUNCTION "webhook_timestamp"(timestamptz);--> statement-breakpoint
DROP TABLE "webhook_deliveries";--> statement-breakpoint
DROP TABLE "webhooks";
