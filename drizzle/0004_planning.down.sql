DROP FUNCTION "set_task_labels"(uuid, uuid, text[]);--> statement-breakpoint
DROP TRIGGER "labels_limit" ON "labels";--> statement-breakpoint
DROP FUNCTION "labels_check_limit"();--> statement-breakpoint
DROP TABLE "task_labels";--> statement-breakpoint
DROP TABLE "labels";--> statement-breakpoint
DROP INDEX "tasks_user_position_idx";--> statement-breakpoint
DROP INDEX "tasks_user_priority_idx";--> statement-breakpoint
DROP INDEX "tasks_user_due_asc_idx";--> statement-breakpoint
DROP INDEX "tasks_user_due_desc_idx";--> statement-breakpoint
ALTER TABLE "tasks" DROP CONSTRAINT "tasks_due_date_range";--> statement-breakpoint
ALTER TABLE "tasks" DROP CONSTRAINT "tasks_due_time_needs_date";--> statement-breakpoint
ALTER TABLE "tasks" DROP CONSTRAINT "tasks_priority_range";--> statement-breakpoint
ALTER TABLE "tasks" DROP CONSTRAINT "tasks_repeat_valid";--> statement-breakpoint
ALTER TABLE "tasks" DROP CONSTRAINT "tasks_repeat_needs_date";--> statement-breakpoint
ALTER TABLE "tasks" DROP COLUMN "due_date";--> statement-breakpoint
ALTER TABLE "tasks" DROP COLUMN "due_time";--> statement-breakpoint
ALTER TABLE "tasks" DROP COLUMN "priority";--> statement-breakpoint
ALTER TABLE "tasks" DROP COLUMN "repeat_every";--> statement-breakpoint
ALTER TABLE "tasks" DROP COLUMN "repeat_interval";--> statement-breakpoint
ALTER TABLE "tasks" DROP COLUMN "position";--> statement-breakpoint
DROP SEQUENCE "public"."task_position_seq";
