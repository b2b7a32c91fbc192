DROP TRIGGER IF EXISTS "users_set_timestamps" ON "users";
--> statement-breakpoint
DROP TRIGGER IF EXISTS "tasks_set_timestamps" ON "tasks";
--> statement-breakpoint
DROP FUNCTION IF EXISTS "set_timestamps_on_update"();
