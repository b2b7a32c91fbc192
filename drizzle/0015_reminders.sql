-- v3: reminders and notifications. A reminder is a user's own (like a label) on a task they see;
-- `fire_at`, when it fires next, is kept here in the database: set with the reminders
-- (set_task_reminders), moved when the task's date, time or completion changes or the user's
-- time zone does, so a repeating task's reminders move with it and completing a task cancels
-- them. The scheduler (lib/reminders) claims due rows with SKIP LOCKED and writes each one's
-- notification in the same statement. Invitations and assignments by someone else notify too.
CREATE TABLE "notifications" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"user_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"task_id" uuid,
	"project_id" uuid,
	"title" text NOT NULL,
	"body" text,
	"change_xid" "xid8" DEFAULT pg_current_xact_id() NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"read_at" timestamp (3) with time zone,
	CONSTRAINT "notifications_kind" CHECK ("notifications"."kind" in ('reminder', 'invitation', 'assigned'))
);
--> statement-breakpoint
CREATE TABLE "reminders" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"task_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"minutes_before" integer,
	"at" timestamp (3) with time zone,
	"fire_at" timestamp (3) with time zone,
	"fired_at" timestamp (3) with time zone,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "reminders_one_kind" CHECK (("reminders"."minutes_before" is null) <> ("reminders"."at" is null)),
	CONSTRAINT "reminders_minutes_range" CHECK ("reminders"."minutes_before" between 0 and 40320)
);
--> statement-breakpoint
ALTER TABLE "tasks" ADD COLUMN "assigned_by" uuid;--> statement-breakpoint
ALTER TABLE "notifications" ADD CONSTRAINT "notifications_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "notifications" ADD CONSTRAINT "notifications_task_id_tasks_id_fk" FOREIGN KEY ("task_id") REFERENCES "public"."tasks"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "notifications" ADD CONSTRAINT "notifications_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reminders" ADD CONSTRAINT "reminders_task_id_tasks_id_fk" FOREIGN KEY ("task_id") REFERENCES "public"."tasks"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reminders" ADD CONSTRAINT "reminders_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "notifications_user_created_idx" ON "notifications" USING btree ("user_id","created_at","id");--> statement-breakpoint
CREATE INDEX "notifications_user_unread_idx" ON "notifications" USING btree ("user_id","created_at","id") WHERE "notifications"."read_at" is null;--> statement-breakpoint
CREATE INDEX "notifications_user_change_idx" ON "notifications" USING btree ("user_id","change_xid");--> statement-breakpoint
CREATE INDEX "notifications_task_idx" ON "notifications" USING btree ("task_id");--> statement-breakpoint
CREATE INDEX "notifications_project_idx" ON "notifications" USING btree ("project_id");--> statement-breakpoint
CREATE INDEX "reminders_task_user_idx" ON "reminders" USING btree ("task_id","user_id");--> statement-breakpoint
CREATE INDEX "reminders_user_idx" ON "reminders" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "reminders_due_idx" ON "reminders" USING btree ("fire_at") WHERE "reminders"."fire_at" is not null;--> statement-breakpoint
ALTER TABLE "tasks" ADD CONSTRAINT "tasks_assigned_by_users_id_fk" FOREIGN KEY ("assigned_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
-- When a reminder fires next: its instant, or `minutes_before` the task's date and time (09:00
-- for a date alone) as wall-clock time in `p_zone`; null while the task is done, with no date,
-- for a time more than a minute past (a reminder set or moved into the past does not fire), and
-- for one at or before the time it last fired (moving a task does not fire it again).
CREATE FUNCTION "reminder_fire_at"(p_minutes integer, p_at timestamptz, p_date date, p_time time, p_completed boolean, p_zone text, p_fired_at timestamptz)
RETURNS timestamptz LANGUAGE sql STABLE AS $$
  SELECT r.t FROM (SELECT CASE WHEN p_at IS NOT NULL THEN p_at
      WHEN p_date IS NOT NULL THEN ((p_date + coalesce(p_time, time '09:00')) AT TIME ZONE p_zone) - make_interval(mins => p_minutes) END AS t) AS r
  WHERE NOT p_completed AND r.t > now() - interval '1 minute' AND (p_fired_at IS NULL OR r.t > p_fired_at)
$$;--> statement-breakpoint
-- A user's reminders on a task as the API reads them (lib/tasks/rows.ts reads the same inline).
CREATE FUNCTION "task_reminders"(p_task uuid, p_user uuid) RETURNS jsonb LANGUAGE sql STABLE AS $$
  SELECT coalesce(jsonb_agg(jsonb_build_object('id', r.id, 'minutes_before', r.minutes_before, 'at_ms', floor(extract(epoch FROM r.at) * 1000))
    ORDER BY r.minutes_before DESC NULLS LAST, r.at, r.id), '[]'::jsonb)
  FROM reminders r WHERE r.task_id = p_task AND r.user_id = p_user
$$;--> statement-breakpoint
-- Sets a user's reminders on a task to `p_reminders` ([{minutes_before} | {at}]), inside the write
-- of the task (its values after the write are the arguments): those already there stay as they
-- are (with their ids and whether they fired), the others go or come. A relative reminder needs
-- a due date (a CHECK-like refusal the API answers with 422).
CREATE FUNCTION "set_task_reminders"(p_task uuid, p_user uuid, p_reminders jsonb, p_date date, p_time time, p_completed boolean)
RETURNS jsonb LANGUAGE plpgsql AS $$
DECLARE
  zone text := (SELECT time_zone FROM users WHERE id = p_user);
BEGIN
  IF p_date IS NULL AND EXISTS (SELECT 1 FROM jsonb_array_elements(p_reminders) AS e WHERE e ? 'minutes_before') THEN
    RAISE check_violation USING CONSTRAINT = 'reminders_need_due_date', MESSAGE = 'a reminder before the due date needs a due date';
  END IF;
  DELETE FROM reminders r WHERE r.task_id = p_task AND r.user_id = p_user AND NOT EXISTS (
    SELECT 1 FROM jsonb_array_elements(p_reminders) AS e
    WHERE (e ->> 'minutes_before')::integer IS NOT DISTINCT FROM r.minutes_before AND (e ->> 'at')::timestamptz IS NOT DISTINCT FROM r.at);
  INSERT INTO reminders (task_id, user_id, minutes_before, at, fire_at)
  SELECT p_task, p_user, n.m, n.a, reminder_fire_at(n.m, n.a, p_date, p_time, p_completed, zone, NULL)
  FROM (SELECT DISTINCT (e ->> 'minutes_before')::integer AS m, (e ->> 'at')::timestamptz AS a FROM jsonb_array_elements(p_reminders) AS e) AS n
  WHERE NOT EXISTS (SELECT 1 FROM reminders r WHERE r.task_id = p_task AND r.user_id = p_user
    AND r.minutes_before IS NOT DISTINCT FROM n.m AND r.at IS NOT DISTINCT FROM n.a);
  RETURN task_reminders(p_task, p_user);
END
$$;--> statement-breakpoint
-- A task's date, time or completion changed: every member's reminders of it follow.
CREATE FUNCTION "tasks_move_reminders"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE reminders r SET fire_at = reminder_fire_at(r.minutes_before, r.at, NEW.due_date, NEW.due_time, NEW.completed, u.time_zone, r.fired_at)
  FROM users u WHERE r.task_id = NEW.id AND u.id = r.user_id;
  RETURN NULL;
END
$$;--> statement-breakpoint
CREATE TRIGGER "tasks_move_reminders" AFTER UPDATE OF "due_date", "due_time", "completed" ON "tasks" FOR EACH ROW
  WHEN (OLD.due_date IS DISTINCT FROM NEW.due_date OR OLD.due_time IS DISTINCT FROM NEW.due_time OR OLD.completed <> NEW.completed)
  EXECUTE FUNCTION "tasks_move_reminders"();--> statement-breakpoint
-- A user's time zone changed: their reminders before a date keep its wall-clock time there.
CREATE FUNCTION "users_move_reminders"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE reminders r SET fire_at = reminder_fire_at(r.minutes_before, r.at, t.due_date, t.due_time, t.completed, NEW.time_zone, r.fired_at)
  FROM tasks t WHERE r.user_id = NEW.id AND r.minutes_before IS NOT NULL AND t.id = r.task_id;
  RETURN NULL;
END
$$;--> statement-breakpoint
CREATE TRIGGER "users_move_reminders" AFTER UPDATE OF "time_zone" ON "users" FOR EACH ROW
  WHEN (OLD.time_zone <> NEW.time_zone) EXECUTE FUNCTION "users_move_reminders"();--> statement-breakpoint
-- An invitation to an email with an account notifies its user (one without waits for the signup).
CREATE FUNCTION "invitations_notify"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO notifications (user_id, kind, project_id, title, body)
  SELECT u.id, 'invitation', NEW.project_id, p.name, coalesce(nullif(i.name, ''), i.email) || ' invited you to join as ' || NEW.role
  FROM users u JOIN projects p ON p.id = NEW.project_id JOIN users i ON i.id = NEW.invited_by
  WHERE u.email = NEW.email;
  RETURN NULL;
END
$$;--> statement-breakpoint
CREATE TRIGGER "invitations_notify" AFTER INSERT ON "invitations" FOR EACH ROW EXECUTE FUNCTION "invitations_notify"();--> statement-breakpoint
-- A task assigned to someone by someone else (assigned_by: who wrote assignee_id) notifies them.
CREATE FUNCTION "tasks_notify_assignee"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO notifications (user_id, kind, task_id, project_id, title, body)
  SELECT NEW.assignee_id, 'assigned', NEW.id, NEW.project_id, NEW.title,
    coalesce(nullif(a.name, ''), a.email, 'Someone') || ' assigned this task to you'
  FROM (SELECT 1) AS one LEFT JOIN users a ON a.id = NEW.assigned_by;
  RETURN NULL;
END
$$;--> statement-breakpoint
CREATE TRIGGER "tasks_notify_assignee" AFTER INSERT ON "tasks" FOR EACH ROW
  WHEN (NEW.assignee_id IS NOT NULL AND NEW.assignee_id IS DISTINCT FROM NEW.assigned_by)
  EXECUTE FUNCTION "tasks_notify_assignee"();--> statement-breakpoint
CREATE TRIGGER "tasks_notify_reassignee" AFTER UPDATE OF "assignee_id" ON "tasks" FOR EACH ROW
  WHEN (NEW.assignee_id IS NOT NULL AND NEW.assignee_id IS DISTINCT FROM OLD.assignee_id AND NEW.assignee_id IS DISTINCT FROM NEW.assigned_by)
  EXECUTE FUNCTION "tasks_notify_assignee"();