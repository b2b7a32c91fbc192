-- v3, after review: (1) tasks.assigned_by loses its foreign key: ON DELETE SET NULL rewrote, and
-- so re-versioned (updated_at, ETag, the changes feed), every task a deleted account had assigned.
-- (2) A reminder whole days before counts those days on the calendar, in the user's time zone
-- ("1 day before" 09:00 is 09:00 the day before, across a DST change too), and what is left in
-- minutes as elapsed time. (3) Clearing a task's due date deletes the reminders relative to it.
ALTER TABLE "tasks" DROP CONSTRAINT "tasks_assigned_by_users_id_fk";--> statement-breakpoint
CREATE OR REPLACE FUNCTION "reminder_fire_at"(p_minutes integer, p_at timestamptz, p_date date, p_time time, p_completed boolean, p_zone text, p_fired_at timestamptz)
RETURNS timestamptz LANGUAGE sql STABLE AS $$
  SELECT r.t FROM (SELECT CASE WHEN p_at IS NOT NULL THEN p_at
      WHEN p_date IS NOT NULL THEN ((p_date + coalesce(p_time, time '09:00')) - make_interval(days => p_minutes / 1440)) AT TIME ZONE p_zone
        - make_interval(mins => p_minutes % 1440) END AS t) AS r
  WHERE NOT p_completed AND r.t > now() - interval '1 minute' AND (p_fired_at IS NULL OR r.t > p_fired_at)
$$;--> statement-breakpoint
CREATE OR REPLACE FUNCTION "tasks_move_reminders"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NEW.due_date IS NULL THEN
    DELETE FROM reminders WHERE task_id = NEW.id AND minutes_before IS NOT NULL;
  END IF;
  UPDATE reminders r SET fire_at = reminder_fire_at(r.minutes_before, r.at, NEW.due_date, NEW.due_time, NEW.completed, u.time_zone, r.fired_at)
  FROM users u WHERE r.task_id = NEW.id AND u.id = r.user_id;
  RETURN NULL;
END
$$;--> statement-breakpoint
-- Those pending whole days before a date move to the calendar's count.
UPDATE reminders r SET fire_at = reminder_fire_at(r.minutes_before, r.at, t.due_date, t.due_time, t.completed, u.time_zone, r.fired_at)
FROM tasks t, users u WHERE r.minutes_before >= 1440 AND r.fire_at IS NOT NULL AND t.id = r.task_id AND u.id = r.user_id;--> statement-breakpoint
DELETE FROM reminders r USING tasks t WHERE r.minutes_before IS NOT NULL AND t.id = r.task_id AND t.due_date IS NULL;
