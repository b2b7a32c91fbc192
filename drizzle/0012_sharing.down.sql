DROP TRIGGER IF EXISTS "users_hand_over" ON "users";--> statement-breakpoint
DROP FUNCTION IF EXISTS "users_hand_over"();--> statement-breakpoint
DROP TRIGGER IF EXISTS "invitations_limit" ON "invitations";--> statement-breakpoint
DROP FUNCTION IF EXISTS "invitations_check_limit"();--> statement-breakpoint
DROP TRIGGER IF EXISTS "tasks_check_assignee" ON "tasks";--> statement-breakpoint
DROP FUNCTION IF EXISTS "tasks_check_assignee"();--> statement-breakpoint
DROP TRIGGER IF EXISTS "project_members_take_turns" ON "project_members";--> statement-breakpoint
DROP FUNCTION IF EXISTS "project_members_take_turns"();--> statement-breakpoint
DROP TRIGGER IF EXISTS "project_members_clear_tombstones" ON "project_members";--> statement-breakpoint
DROP FUNCTION IF EXISTS "project_members_clear_tombstones"();--> statement-breakpoint
DROP TRIGGER IF EXISTS "projects_record_tombstones" ON "projects";--> statement-breakpoint
DROP FUNCTION IF EXISTS "projects_record_tombstones"();--> statement-breakpoint
DROP TRIGGER IF EXISTS "tasks_record_list_change" ON "tasks";--> statement-breakpoint
DROP FUNCTION IF EXISTS "tasks_record_list_change"();--> statement-breakpoint
DROP FUNCTION IF EXISTS "list_viewers"(uuid);--> statement-breakpoint
DROP TRIGGER "tasks_record_tombstone" ON "tasks";--> statement-breakpoint
CREATE TRIGGER "tasks_record_tombstone" AFTER DELETE ON "tasks"
  FOR EACH ROW EXECUTE FUNCTION "record_tombstone"('task');--> statement-breakpoint
DROP FUNCTION IF EXISTS "record_task_tombstone"();--> statement-breakpoint
CREATE OR REPLACE FUNCTION "record_project_tombstone"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF EXISTS (SELECT 1 FROM users WHERE id = OLD.user_id) THEN
    INSERT INTO tombstones (id, kind, user_id) VALUES (OLD.project_id, 'project', OLD.user_id) ON CONFLICT (user_id, id) DO UPDATE
      SET change_xid = pg_current_xact_id(), deleted_at = now();
  END IF;
  RETURN NULL;
END
$$;--> statement-breakpoint
-- 0010's set_task_labels: a task's labels are its creator's again; other members' links go.
DELETE FROM "task_labels" tl USING "labels" l, "tasks" t
  WHERE l."id" = tl."label_id" AND t."id" = tl."task_id" AND l."user_id" <> t."user_id";--> statement-breakpoint
CREATE OR REPLACE FUNCTION "set_task_labels"(p_task uuid, p_user uuid, p_names text[]) RETURNS text[] LANGUAGE plpgsql AS $$
DECLARE
  ids uuid[];
  wanted integer := (SELECT count(DISTINCT lower(n)) FROM unnest(p_names) AS n);
BEGIN
  LOOP
    INSERT INTO labels (user_id, name)
    SELECT DISTINCT ON (lower(n.name)) p_user, n.name FROM unnest(p_names) WITH ORDINALITY AS n(name, ord)
    ORDER BY lower(n.name), n.ord
    ON CONFLICT (user_id, lower(name)) DO NOTHING;
    SELECT coalesce(array_agg(l.id), '{}') INTO ids FROM (
      SELECT id FROM labels WHERE user_id = p_user AND lower(name) IN (SELECT lower(n) FROM unnest(p_names) AS n)
      FOR KEY SHARE) AS l;
    EXIT WHEN cardinality(ids) = wanted;
  END LOOP;
  DELETE FROM task_labels WHERE task_id = p_task AND label_id <> ALL (ids);
  INSERT INTO task_labels (task_id, label_id) SELECT p_task, unnest(ids) ON CONFLICT DO NOTHING;
  RETURN ARRAY(SELECT name FROM labels WHERE id = ANY (ids) ORDER BY lower(name), name);
END
$$;--> statement-breakpoint
ALTER TABLE "tasks" DROP CONSTRAINT "tasks_assignee_id_users_id_fk";--> statement-breakpoint
DROP INDEX "tasks_assignee_idx";--> statement-breakpoint
ALTER TABLE "tasks" DROP COLUMN "assignee_id";--> statement-breakpoint
ALTER TABLE "project_members" DROP COLUMN "joined_xid";--> statement-breakpoint
DROP TABLE "invitations";
