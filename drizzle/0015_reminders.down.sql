DROP TRIGGER "tasks_notify_reassignee" ON "tasks";--> statement-breakpoint
DROP TRIGGER "tasks_notify_assignee" ON "tasks";--> statement-breakpoint
DROP FUNCTION "tasks_notify_assignee"();--> statement-breakpoint
DROP TRIGGER "invitations_notify" ON "invitations";--> statement-breakpoint
DROP FUNCTION "invitations_notify"();--> statement-breakpoint
DROP TRIGGER "users_move_reminders" ON "users";--> statement-breakpoint
DROP FUNCTION "users_move_reminders"();--> statement-breakpoint
DROP TRIGGER "tasks_move_reminders" ON "tasks";--> statement-breakpoint
DROP FUNCTION "tasks_move_reminders"();--> statement-breakpoint
DROP FUNCTION "set_task_reminders"(uuid, uuid, jsonb, date, time, boolean);--> statement-breakpoint
DROP FUNCTION "task_reminders"(uuid, uuid);--> statement-breakpoint
DROP FUNCTION "reminder_fire_at"(integer, timestamptz, date, time, boolean, text, timestamptz);--> statement-breakpoint
DROP TABLE "notifications";--> statement-breakpoint
DROP TABLE "reminders";--> statement-breakpoint
ALTER TABLE "tasks" DROP CONSTRAINT "tasks_assigned_by_users_id_fk";--> statement-breakpoint
ALTER TABLE "tasks" DROP COLUMN "assigned_by";
