DROP TRIGGER IF EXISTS "tasks_count_deleted" ON "tasks";--> statement-breakpoint
DROP TRIGGER IF EXISTS "tasks_count_inserted" ON "tasks";--> statement-breakpoint
DROP FUNCTION IF EXISTS "tasks_count_deleted"();--> statement-breakpoint
DROP FUNCTION IF EXISTS "tasks_count_inserted"();--> statement-breakpoint
DROP TABLE IF EXISTS "task_counts";
