DELETE FROM "sessions" WHERE "kind" = 'calendar';--> statement-breakpoint
ALTER TABLE "sessions" DROP CONSTRAINT "sessions_kind";--> statement-breakpoint
ALTER TABLE "sessions" DROP CONSTRAINT "sessions_secret_hash";--> statement-breakpoint
DROP INDEX "sessions_secret_hash_idx";--> statement-breakpoint
DROP INDEX "sessions_one_calendar_idx";--> statement-breakpoint
ALTER TABLE "sessions" DROP COLUMN "secret_hash";--> statement-breakpoint
ALTER TABLE "sessions" ADD CONSTRAINT "sessions_kind" CHECK ("sessions"."kind" in ('browser', 'token'));--> statement-breakpoint
ALTER TABLE "users" DROP CONSTRAINT "users_time_zone_length";--> statement-breakpoint
ALTER TABLE "users" DROP COLUMN "time_zone";
