DROP TRIGGER IF EXISTS "users_forget_list_counts" ON "users";--> statement-breakpoint
DROP TRIGGER IF EXISTS "projects_forget_list_counts" ON "projects";--> statement-breakpoint
DROP TRIGGER IF EXISTS "tasks_list_count_moved" ON "tasks";--> statement-breakpoint
DROP TRIGGER IF EXISTS "tasks_list_count_deleted" ON "tasks";--> statement-breakpoint
DROP TRIGGER IF EXISTS "tasks_list_count_inserted" ON "tasks";--> statement-breakpoint
DROP FUNCTION IF EXISTS "lists_forget_counts"();--> statement-breakpoint
DROP FUNCTION IF EXISTS "tasks_list_count_moved"();--> statement-breakpoint
DROP FUNCTION IF EXISTS "tasks_list_count_deleted"();--> statement-breakpoint
DROP FUNCTION IF EXISTS "tasks_list_count_inserted"();--> statement-breakpoint
DROP TABLE IF EXISTS "list_counts";
