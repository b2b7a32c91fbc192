DROP TRIGGER "notifications_push_at" ON "notifications";--> statement-breakpoint
DROP FUNCTION "notifications_push_at"();--> statement-breakpoint
DROP INDEX "notifications_push_idx";--> statement-breakpoint
ALTER TABLE "notifications" DROP COLUMN "push_at";--> statement-breakpoint
DROP TABLE "push_subscriptions";
