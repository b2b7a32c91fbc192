-- v3: the account's time zone (reminders and the calendar feed use it), and the calendar feed's
-- secret address as a session of its own kind, found by the secret's hash: every statement it
-- runs checks it is live, as a sign-in's do, and turning the feed off (or a password change, or
-- the account's deletion) ends it.
ALTER TABLE "sessions" DROP CONSTRAINT "sessions_kind";--> statement-breakpoint
ALTER TABLE "sessions" ADD COLUMN "secret_hash" text;--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "time_zone" text DEFAULT 'UTC' NOT NULL;--> statement-breakpoint
CREATE UNIQUE INDEX "sessions_secret_hash_idx" ON "sessions" USING btree ("secret_hash");--> statement-breakpoint
CREATE UNIQUE INDEX "sessions_one_calendar_idx" ON "sessions" USING btree ("user_id") WHERE "sessions"."kind" = 'calendar';--> statement-breakpoint
ALTER TABLE "sessions" ADD CONSTRAINT "sessions_secret_hash" CHECK (("sessions"."kind" = 'calendar') = ("sessions"."secret_hash" is not null));--> statement-breakpoint
ALTER TABLE "sessions" ADD CONSTRAINT "sessions_kind" CHECK ("sessions"."kind" in ('browser', 'token', 'calendar'));--> statement-breakpoint
ALTER TABLE "users" ADD CONSTRAINT "users_time_zone_length" CHECK (char_length("users"."time_zone") between 1 and 64);