DROP TRIGGER "labels_record_tombstone" ON "labels";--> statement-breakpoint
DROP TRIGGER "tasks_record_tombstone" ON "tasks";--> statement-breakpoint
DROP FUNCTION "record_tombstone"();--> statement-breakpoint
DROP TRIGGER "labels_stamp_change_xid" ON "labels";--> statement-breakpoint
DROP TRIGGER "tasks_stamp_change_xid" ON "tasks";--> statement-breakpoint
DROP FUNCTION "stamp_change_xid"();--> statement-breakpoint
DROP TABLE "tombstones";--> statement-breakpoint
DROP INDEX "tasks_user_change_idx";--> statement-breakpoint
DROP INDEX "labels_user_change_idx";--> statement-breakpoint
ALTER TABLE "tasks" DROP COLUMN "change_xid";--> statement-breakpoint
ALTER TABLE "labels" DROP COLUMN "change_xid";
