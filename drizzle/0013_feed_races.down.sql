-- 0012's functions and trigger again.
DROP TRIGGER "project_members_touch_others" ON "project_members";--> statement-breakpoint
DROP FUNCTION "project_members_touch_others"();--> statement-breakpoint
CREATE FUNCTION "project_members_clear_tombstones"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM tombstones WHERE user_id = NEW.user_id
    AND (id = NEW.project_id OR id IN (SELECT t.id FROM tasks t WHERE t.project_id = NEW.project_id));
  UPDATE project_members SET change_xid = pg_current_xact_id() WHERE project_id = NEW.project_id AND user_id <> NEW.user_id;
  RETURN NULL;
END
$$;--> statement-breakpoint
CREATE TRIGGER "project_members_clear_tombstones" AFTER INSERT ON "project_members"
  FOR EACH ROW EXECUTE FUNCTION "project_members_clear_tombstones"();--> statement-breakpoint
CREATE OR REPLACE FUNCTION "tasks_record_list_change"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO tombstones (id, kind, user_id)
  SELECT OLD.id, 'task', v FROM list_viewers(OLD.list_id) AS v WHERE v NOT IN (SELECT list_viewers(NEW.list_id))
  ON CONFLICT (user_id, id) DO UPDATE SET change_xid = pg_current_xact_id(), deleted_at = now();
  DELETE FROM tombstones WHERE id = NEW.id AND user_id IN (SELECT list_viewers(NEW.list_id));
  RETURN NULL;
END
$$;--> statement-breakpoint
CREATE OR REPLACE FUNCTION "project_members_take_turns"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_advisory_xact_lock(hashtextextended('members:' || coalesce(NEW.project_id, OLD.project_id)::text, 0));
  RETURN coalesce(NEW, OLD);
END
$$;--> statement-breakpoint
CREATE OR REPLACE FUNCTION "tasks_check_assignee"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NEW.project_id IS NOT NULL THEN
    PERFORM 1 FROM project_members WHERE project_id = NEW.project_id AND user_id = NEW.assignee_id FOR KEY SHARE;
    IF FOUND THEN
      RETURN NEW;
    END IF;
  END IF;
  IF TG_OP = 'UPDATE' AND NEW.assignee_id = OLD.assignee_id THEN
    NEW.assignee_id := NULL;
    RETURN NEW;
  END IF;
  RAISE EXCEPTION 'the assignee must be a member of the task''s project' USING ERRCODE = 'check_violation', CONSTRAINT = 'tasks_assignee_member';
END
$$;
--> statement-breakpoint
-- 0012's feed reports every tombstone: the ones of tasks and projects their users see again go.
DELETE FROM tombstones tb USING tasks t WHERE tb.kind = 'task' AND t.id = tb.id AND tb.user_id IN (SELECT list_viewers(t.list_id));--> statement-breakpoint
DELETE FROM tombstones tb USING project_members m WHERE tb.kind = 'project' AND tb.id = m.project_id AND tb.user_id = m.user_id;
