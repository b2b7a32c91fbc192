-- Races between membership changes and task writes still running, found by the sharing feed's
-- property test on PostgreSQL. Tombstones were chosen, and taken back, from snapshots that missed
-- a concurrent write: a project deleted, or a member removed, while one of its tasks moved out
-- to an Inbox gave that living task a tombstone; a member who rejoined took back the tombstone of
-- a task being moved out of the project at that moment, so their copy kept it.
--
-- Now a tombstone is never taken back: the feed leaves out the ones of tasks and projects the
-- caller sees again (lib/sync/feed.ts), which is right whatever committed in between. And a
-- member's removal waits for the writes into the project still running (they hold its row FOR
-- KEY SHARE), so a task moved in at that moment gets the removed member's tombstone; a task naming
-- an assignee takes the project's row before the member's, the order the removal takes them in.
CREATE OR REPLACE FUNCTION "tasks_record_list_change"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO tombstones (id, kind, user_id)
  SELECT OLD.id, 'task', v FROM list_viewers(OLD.list_id) AS v WHERE v NOT IN (SELECT list_viewers(NEW.list_id))
  ON CONFLICT (user_id, id) DO UPDATE SET change_xid = pg_current_xact_id(), deleted_at = now();
  RETURN NULL;
END
$$;--> statement-breakpoint
DROP TRIGGER "project_members_clear_tombstones" ON "project_members";--> statement-breakpoint
DROP FUNCTION "project_members_clear_tombstones"();--> statement-breakpoint
-- A member who joins makes the project `shared` for the others: their feeds send it again.
CREATE FUNCTION "project_members_touch_others"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE project_members SET change_xid = pg_current_xact_id() WHERE project_id = NEW.project_id AND user_id <> NEW.user_id;
  RETURN NULL;
END
$$;--> statement-breakpoint
CREATE TRIGGER "project_members_touch_others" AFTER INSERT ON "project_members"
  FOR EACH ROW EXECUTE FUNCTION "project_members_touch_others"();--> statement-breakpoint
CREATE OR REPLACE FUNCTION "project_members_take_turns"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_advisory_xact_lock(hashtextextended('members:' || coalesce(NEW.project_id, OLD.project_id)::text, 0));
  IF TG_OP = 'DELETE' THEN
    PERFORM 1 FROM projects WHERE id = OLD.project_id FOR UPDATE;
  END IF;
  RETURN coalesce(NEW, OLD);
END
$$;--> statement-breakpoint
CREATE OR REPLACE FUNCTION "tasks_check_assignee"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NEW.project_id IS NOT NULL THEN
    PERFORM 1 FROM projects WHERE id = NEW.project_id FOR KEY SHARE;
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
