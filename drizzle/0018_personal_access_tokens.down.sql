-- Personal access tokens go with the columns that describe them.
DELETE FROM "sessions" WHERE "kind" = 'personal';--> statement-breakpoint
ALTER TABLE "sessions" DROP CONSTRAINT "sessions_kind";--> statement-breakpoint
ALTER TABLE "sessions" DROP CONSTRAINT "sessions_secret_hash";--> statement-breakpoint
ALTER TABLE "sessions" DROP CONSTRAINT "sessions_personal";--> statement-breakpoint
ALTER TABLE "sessions" DROP CONSTRAINT "sessions_name_length";--> statement-breakpoint
ALTER TABLE "sessions" DROP CONSTRAINT "sessions_last_used";--> statement-breakpoint
ALTER TABLE "sessions" DROP COLUMN "name";--> statement-breakpoint
ALTER TABLE "sessions" DROP COLUMN "scopes";--> statement-breakpoint
ALTER TABLE "sessions" ALTER COLUMN "last_used_at" SET NOT NULL;--> statement-breakpoint
ALTER TABLE "sessions" ADD CONSTRAINT "sessions_kind" CHECK ("sessions"."kind" in ('browser', 'token', 'calendar'));--> statement-breakpoint
ALTER TABLE "sessions" ADD CONSTRAINT "sessions_secret_hash" CHECK (("sessions"."kind" = 'calendar') = ("sessions"."secret_hash" is not null));
