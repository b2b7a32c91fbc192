-- An Idempotency-Key remembers the route it was first used on: the same key on another route is
-- refused (422) instead of replaying one route's answer on another. Keys stored before this
-- were a create's (a task) or an import's (tasks_created).
ALTER TABLE "idempotency_keys" ADD COLUMN "route" text;--> statement-breakpoint
UPDATE "idempotency_keys" SET "route" = CASE WHEN "response_body" ? 'tasks_created' THEN 'POST /api/{user_id}/import' ELSE 'POST /api/{user_id}/tasks' END;--> statement-breakpoint
ALTER TABLE "idempotency_keys" ALTER COLUMN "route" SET NOT NULL;
