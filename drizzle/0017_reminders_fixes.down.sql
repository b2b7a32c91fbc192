CREATE OR REPLACE FUNCTION "tasks_move_reminders"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE reminders r SET fire_at = reminder_fire_at(r.minutes_before, r.at, NEW.due_date, NEW.due_time, NEW.completed, u.time_zone, r.fired_at)
  FROM users u WHERE r.task_id = NEW.id AND u.id = r.user_id;
  RETURN NULL;
END
$$;--> statement-breakpoint
CREATE OR REPLACE FUNCTION "reminder_fire_at"(p_minutes integer, p_at timestamptz, p_date date, p_time time, p_completed boolean, p_zone text, p_fired_at timestamptz)
RETURNS timestamptz LANGUAGE sql STABLE AS $$
  SELECT r.t FROM (SELECT CASE WHEN p_at IS NOT NULL THEN p_at
      WHEN p_date IS NOT NULL THEN ((p_date + coalesce(p_time, time '09:00')) AT TIME ZONE p_zone) - make_interval(mins => p_minutes) END AS t) AS r
  WHERE NOT p_completed AND r.t > now() - interval '1 minute' AND (p_fired_at IS NULL OR r.t > p_fired_at)
$$;--> statement-breakpoint
UPDATE reminders r SET fire_at = reminder_fire_at(r.minutes_before, r.at, t.due_date, t.due_time, t.completed, u.time_zone, r.fired_at)
FROM tasks t, users u WHERE r.minutes_before >= 1440 AND r.fire_at IS NOT NULL AND t.id = r.task_id AND u.id = r.user_id;--> statement-breakpoint
UPDATE "tasks" SET "assigned_by" = NULL WHERE "assigned_by" IS NOT NULL AND NOT EXISTS (SELECT 1 FROM "users" WHERE "users"."id" = "tasks"."assigned_by");--> statement-breakpoint
ALTER TABLE "tasks" ADD CONSTRAINT "tasks_assigned_by_users_id_fk" FOREIGN KEY ("assigned_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
