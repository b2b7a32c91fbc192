-- v3: personal access tokens. A token is a session of kind 'personal', found by its secret's hash
-- like the calendar feed's, with a name and scopes; every statement's live-session check
-- (lib/scope) thus refuses a revoked or expired one at once. last_used_at is null until first use.
ALTER TABLE "sessions" DROP CONSTRAINT "sessions_kind";--> statement-breakpoint
ALTER TABLE "sessions" DROP CONSTRAINT "sessions_secret_hash";--> statement-breakpoint
ALTER TABLE "sessions" ALTER COLUMN "last_used_at" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "sessions" ADD COLUMN "name" text;--> statement-breakpoint
ALTER TABLE "sessions" ADD COLUMN "scopes" text[];--> statement-breakpoint
ALTER TABLE "sessions" ADD CONSTRAINT "sessions_personal" CHECK (("sessions"."kind" = 'personal') = ("sessions"."name" is not null and "sessions"."scopes" is not null));--> statement-breakpoint
ALTER TABLE "sessions" ADD CONSTRAINT "sessions_name_length" CHECK (char_length("sessions"."name") between 1 and 100);--> statement-breakpoint
ALTER TABLE "sessions" ADD CONSTRAINT "sessions_last_used" CHECK ("sessions"."kind" = 'personal' or "sessions"."last_used_at" is not null);--> statement-breakpoint
ALTER TABLE "sessions" ADD CONSTRAINT "sessions_kind" CHECK ("sessions"."kind" in ('browser', 'token', 'calendar', 'personal'));--> statement-breakpoint
ALTER TABLE "sessions" ADD CONSTRAINT "sessions_secret_hash" CHECK (("sessions"."kind" in ('calendar', 'personal')) = ("sessions"."secret_hash" is not null));