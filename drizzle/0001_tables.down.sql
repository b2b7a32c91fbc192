DROP TABLE IF EXISTS "idempotency_keys";
--> statement-breakpoint
DROP TABLE IF EXISTS "login_failures";
--> statement-breakpoint
DROP TABLE IF EXISTS "tasks";
--> statement-breakpoint
DROP TABLE IF EXISTS "users";
