-- v3: webhooks (Standard Webhooks). A change to a task or a project queues one delivery per enabled
-- webhook of each user who sees it, in the transaction of the change (triggers below), so none
-- is lost to a restart; lib/webhooks/sender.ts claims them with SKIP LOCKED. The body is built
-- here once and signed as is on every attempt; event_id (the webhook-id) is one per change.
CREATE TABLE "webhook_deliveries" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"webhook_id" uuid NOT NULL,
	"event_id" text NOT NULL,
	"type" text NOT NULL,
	"body" text NOT NULL,
	"status" text DEFAULT 'retrying' NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"response_status" integer,
	"next_attempt_at" timestamp (3) with time zone DEFAULT now(),
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"delivered_at" timestamp (3) with time zone,
	CONSTRAINT "webhook_deliveries_status" CHECK ("webhook_deliveries"."status" in ('retrying', 'delivered', 'failed'))
);
--> statement-breakpoint
CREATE TABLE "webhooks" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"user_id" uuid NOT NULL,
	"url" text NOT NULL,
	"events" text[] NOT NULL,
	"secret" text NOT NULL,
	"enabled" boolean DEFAULT true NOT NULL,
	"failing_since" timestamp (3) with time zone,
	"last_failed_at" timestamp (3) with time zone,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "webhooks_url_length" CHECK (char_length("webhooks"."url") <= 2000)
);
--> statement-breakpoint
ALTER TABLE "webhook_deliveries" ADD CONSTRAINT "webhook_deliveries_webhook_id_webhooks_id_fk" FOREIGN KEY ("webhook_id") REFERENCES "public"."webhooks"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "webhooks" ADD CONSTRAINT "webhooks_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "webhook_deliveries_due_idx" ON "webhook_deliveries" USING btree ("next_attempt_at") WHERE "webhook_deliveries"."next_attempt_at" is not null;--> statement-breakpoint
CREATE INDEX "webhook_deliveries_webhook_idx" ON "webhook_deliveries" USING btree ("webhook_id","created_at");--> statement-breakpoint
CREATE INDEX "webhooks_user_idx" ON "webhooks" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "webhooks_enabled_idx" ON "webhooks" USING btree ("user_id") WHERE "webhooks"."enabled";--> statement-breakpoint
CREATE FUNCTION "webhook_timestamp"(value timestamptz) RETURNS text LANGUAGE sql IMMUTABLE AS $$
  SELECT to_char(value AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')
$$;--> statement-breakpoint
CREATE FUNCTION "webhook_task_json"(t "tasks") RETURNS json LANGUAGE sql STABLE AS $$
  SELECT json_build_object(
    'id', t.id, 'user_id', t.user_id, 'project_id', t.project_id, 'parent_id', t.parent_id, 'assignee_id', t.assignee_id,
    'title', t.title, 'description', t.description, 'completed', t.completed,
    'due_date', t.due_date, 'due_time', to_char(t.due_time, 'HH24:MI'),
    'priority', (ARRAY['none', 'low', 'medium', 'high'])[t.priority + 1],
    'repeat', CASE WHEN t.repeat_every IS NULL THEN NULL ELSE json_build_object('every', t.repeat_every, 'interval', t.repeat_interval) END,
    'created_at', webhook_timestamp(t.created_at), 'updated_at', webhook_timestamp(t.updated_at))
$$;--> statement-breakpoint
-- One delivery per enabled webhook, subscribed to `kind` (or to everything), of each user in `readers`.
CREATE FUNCTION "webhooks_enqueue"(kind text, readers uuid[], data json) RETURNS void LANGUAGE plpgsql AS $$
DECLARE
  event_id text := 'msg_' || replace(gen_random_uuid()::text, '-', '');
  body text := json_build_object('type', kind, 'timestamp', webhook_timestamp(now()), 'data', data)::text;
BEGIN
  INSERT INTO webhook_deliveries (webhook_id, event_id, type, body)
  SELECT w.id, event_id, kind, body FROM webhooks w
  WHERE w.user_id = ANY (readers) AND w.enabled AND w.events && ARRAY[kind, '*'];
END $$;--> statement-breakpoint
-- Who sees a list: the Inbox's owner (the list is named by their id), or a project's members.
CREATE FUNCTION "webhook_readers"(list uuid, project uuid) RETURNS uuid[] LANGUAGE sql STABLE AS $$
  SELECT CASE WHEN project IS NULL THEN ARRAY[list] ELSE ARRAY(SELECT m.user_id FROM project_members m WHERE m.project_id = project) END
$$;--> statement-breakpoint
CREATE FUNCTION "tasks_enqueue_webhooks"() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  target tasks := CASE WHEN TG_OP = 'DELETE' THEN OLD ELSE NEW END;
  kind text;
BEGIN
  -- Nobody has a webhook: one index-only look, no more (the common case).
  IF NOT EXISTS (SELECT 1 FROM webhooks WHERE enabled) THEN RETURN NULL; END IF;
  -- Only what a delivery shows: a move in the manual order, or a label's rename touching
  -- updated_at, is no change to tell of.
  IF TG_OP = 'UPDATE' AND (OLD.title, OLD.description, OLD.completed, OLD.due_date, OLD.due_time, OLD.priority, OLD.repeat_every,
      OLD.repeat_interval, OLD.project_id, OLD.parent_id, OLD.assignee_id)
    IS NOT DISTINCT FROM (NEW.title, NEW.description, NEW.completed, NEW.due_date, NEW.due_time, NEW.priority, NEW.repeat_every,
      NEW.repeat_interval, NEW.project_id, NEW.parent_id, NEW.assignee_id) THEN RETURN NULL; END IF;
  -- A task that leaves a list is gone for those who saw it there and do not see it where it goes.
  IF TG_OP = 'UPDATE' AND OLD.list_id <> NEW.list_id THEN
    PERFORM webhooks_enqueue('task.deleted', ARRAY(SELECT unnest(webhook_readers(OLD.list_id, OLD.project_id)) EXCEPT SELECT unnest(webhook_readers(NEW.list_id, NEW.project_id))),
      json_build_object('task', webhook_task_json(OLD)));
  END IF;
  IF TG_OP = 'INSERT' THEN kind := 'task.created';
  ELSIF TG_OP = 'DELETE' THEN
    -- A project's deletion is one project.deleted, not one task.deleted per task in it.
    IF OLD.project_id IS NOT NULL AND NOT EXISTS (SELECT 1 FROM projects WHERE id = OLD.project_id) THEN RETURN NULL; END IF;
    kind := 'task.deleted';
  ELSIF NEW.completed AND NOT OLD.completed THEN kind := 'task.completed';
  ELSE kind := 'task.updated';
  END IF;
  PERFORM webhooks_enqueue(kind, webhook_readers(target.list_id, target.project_id), json_build_object('task', webhook_task_json(target)));
  RETURN NULL;
END $$;--> statement-breakpoint
CREATE TRIGGER "tasks_enqueue_webhooks" AFTER INSERT OR UPDATE OR DELETE ON "tasks" FOR EACH ROW EXECUTE FUNCTION "tasks_enqueue_webhooks"();--> statement-breakpoint
CREATE FUNCTION "projects_enqueue_webhooks"() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  target projects := CASE WHEN TG_OP = 'DELETE' THEN OLD ELSE NEW END;
BEGIN
  IF NOT EXISTS (SELECT 1 FROM webhooks WHERE enabled) THEN RETURN target; END IF;
  -- Before the delete: its members are still there to be told.
  PERFORM webhooks_enqueue(CASE WHEN TG_OP = 'DELETE' THEN 'project.deleted' ELSE 'project.updated' END, webhook_readers(target.id, target.id),
    json_build_object('project', json_build_object('id', target.id, 'owner_id', target.owner_id, 'name', target.name, 'color', target.color,
      'created_at', webhook_timestamp(target.created_at), 'updated_at', webhook_timestamp(target.updated_at))));
  RETURN target;
END $$;--> statement-breakpoint
CREATE TRIGGER "projects_enqueue_webhooks" BEFORE UPDATE OR DELETE ON "projects" FOR EACH ROW EXECUTE FUNCTION "projects_enqueue_webhooks"();
