-- Sharing a project (docs/api.md, "v3: sharing a project"): invitations, assignees, when a
-- member joined; who gets a tombstone when a task stops being visible; personal labels; and the
-- hand-over when an account is deleted.
CREATE TABLE "invitations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"project_id" uuid NOT NULL,
	"email" text NOT NULL,
	"role" text NOT NULL,
	"invited_by" uuid NOT NULL,
	"change_xid" "xid8" DEFAULT pg_current_xact_id() NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"expires_at" timestamp (3) with time zone DEFAULT now() + interval '14 days' NOT NULL,
	CONSTRAINT "invitations_role" CHECK ("invitations"."role" in ('editor', 'viewer')),
	CONSTRAINT "invitations_email_normalized" CHECK ("invitations"."email" = lower(btrim("invitations"."email")))
);
--> statement-breakpoint
ALTER TABLE "project_members" ADD COLUMN "joined_xid" "xid8" DEFAULT pg_current_xact_id() NOT NULL;--> statement-breakpoint
ALTER TABLE "tasks" ADD COLUMN "assignee_id" uuid;--> statement-breakpoint
ALTER TABLE "invitations" ADD CONSTRAINT "invitations_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "invitations" ADD CONSTRAINT "invitations_invited_by_users_id_fk" FOREIGN KEY ("invited_by") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "invitations_project_email_idx" ON "invitations" USING btree ("project_id","email");--> statement-breakpoint
CREATE INDEX "invitations_email_idx" ON "invitations" USING btree ("email","change_xid");--> statement-breakpoint
ALTER TABLE "tasks" ADD CONSTRAINT "tasks_assignee_id_users_id_fk" FOREIGN KEY ("assignee_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "tasks_assignee_idx" ON "tasks" USING btree ("assignee_id");--> statement-breakpoint
-- Who sees a list: its project's members, or for an Inbox (named by its user's id) that user.
CREATE FUNCTION "list_viewers"(list uuid) RETURNS SETOF uuid LANGUAGE sql STABLE AS $$
  SELECT user_id FROM project_members WHERE project_id = list
  UNION ALL
  SELECT id FROM users WHERE id = list
$$;--> statement-breakpoint
-- A task that stops being visible to someone comes in their changes feed's `deleted`, and one
-- that becomes visible again must not (lib/sync/feed.ts): a task moved to another list leaves a
-- tombstone for each viewer of the old list who cannot see the new one, and takes back those of
-- the new list's viewers.
CREATE FUNCTION "tasks_record_list_change"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO tombstones (id, kind, user_id)
  SELECT OLD.id, 'task', v FROM list_viewers(OLD.list_id) AS v WHERE v NOT IN (SELECT list_viewers(NEW.list_id))
  ON CONFLICT (user_id, id) DO UPDATE SET change_xid = pg_current_xact_id(), deleted_at = now();
  DELETE FROM tombstones WHERE id = NEW.id AND user_id IN (SELECT list_viewers(NEW.list_id));
  RETURN NULL;
END
$$;--> statement-breakpoint
CREATE TRIGGER "tasks_record_list_change" AFTER UPDATE OF "project_id" ON "tasks"
  FOR EACH ROW WHEN (OLD.list_id IS DISTINCT FROM NEW.list_id) EXECUTE FUNCTION "tasks_record_list_change"();--> statement-breakpoint
-- A project being deleted: every member gets a tombstone of each of its tasks (the tasks'
-- own trigger gives one to their creators only), before the cascades remove either.
CREATE FUNCTION "projects_record_tombstones"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO tombstones (id, kind, user_id)
  SELECT t.id, 'task', m.user_id FROM project_members m JOIN tasks t ON t.project_id = m.project_id WHERE m.project_id = OLD.id
  ON CONFLICT (user_id, id) DO UPDATE SET change_xid = pg_current_xact_id(), deleted_at = now();
  RETURN OLD;
END
$$;--> statement-breakpoint
CREATE TRIGGER "projects_record_tombstones" BEFORE DELETE ON "projects"
  FOR EACH ROW EXECUTE FUNCTION "projects_record_tombstones"();--> statement-breakpoint
-- A member who no longer sees a project (it was deleted, they left or were removed) gets its
-- tombstone; one who left or was removed also a tombstone of each of its tasks, and is unassigned
-- from them. (When the project itself is being deleted, its row is gone: its trigger above did the tasks.)
CREATE OR REPLACE FUNCTION "record_project_tombstone"() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  project_stays boolean := EXISTS (SELECT 1 FROM projects WHERE id = OLD.project_id);
BEGIN
  -- The others' view of the project changed (`shared`): their feeds send it again.
  IF project_stays THEN
    UPDATE project_members SET change_xid = pg_current_xact_id() WHERE project_id = OLD.project_id;
  END IF;
  IF NOT EXISTS (SELECT 1 FROM users WHERE id = OLD.user_id) THEN
    RETURN NULL;
  END IF;
  INSERT INTO tombstones (id, kind, user_id) VALUES (OLD.project_id, 'project', OLD.user_id) ON CONFLICT (user_id, id) DO UPDATE
    SET change_xid = pg_current_xact_id(), deleted_at = now();
  IF project_stays THEN
    INSERT INTO tombstones (id, kind, user_id)
    SELECT t.id, 'task', OLD.user_id FROM tasks t WHERE t.project_id = OLD.project_id
    ON CONFLICT (user_id, id) DO UPDATE SET change_xid = pg_current_xact_id(), deleted_at = now();
    UPDATE tasks SET assignee_id = NULL WHERE project_id = OLD.project_id AND assignee_id = OLD.user_id;
  END IF;
  RETURN NULL;
END
$$;--> statement-breakpoint
-- A member who joins (again) sees the project and its tasks: their old tombstones go, and the
-- others' feeds send the project again (it is `shared` now).
CREATE FUNCTION "project_members_clear_tombstones"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM tombstones WHERE user_id = NEW.user_id
    AND (id = NEW.project_id OR id IN (SELECT t.id FROM tasks t WHERE t.project_id = NEW.project_id));
  UPDATE project_members SET change_xid = pg_current_xact_id() WHERE project_id = NEW.project_id AND user_id <> NEW.user_id;
  RETURN NULL;
END
$$;--> statement-breakpoint
-- Members join and leave a project one at a time (each touches the others' rows above): the
-- lock comes before the row's own, so two such changes cannot wait on each other's rows.
CREATE FUNCTION "project_members_take_turns"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_advisory_xact_lock(hashtextextended('members:' || coalesce(NEW.project_id, OLD.project_id)::text, 0));
  RETURN coalesce(NEW, OLD);
END
$$;--> statement-breakpoint
CREATE TRIGGER "project_members_take_turns" BEFORE INSERT OR DELETE ON "project_members"
  FOR EACH ROW EXECUTE FUNCTION "project_members_take_turns"();--> statement-breakpoint
CREATE TRIGGER "project_members_clear_tombstones" AFTER INSERT ON "project_members"
  FOR EACH ROW EXECUTE FUNCTION "project_members_clear_tombstones"();--> statement-breakpoint
-- A task's assignee is a member of its project (an Inbox task has none). The membership row is
-- locked FOR KEY SHARE, so a removal waits for this write and then unassigns (above). A task
-- moved to a project its assignee is not a member of is unassigned; naming such an assignee is refused.
CREATE FUNCTION "tasks_check_assignee"() RETURNS trigger LANGUAGE plpgsql AS $$
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
$$;--> statement-breakpoint
CREATE TRIGGER "tasks_check_assignee" BEFORE INSERT OR UPDATE OF "assignee_id", "project_id" ON "tasks"
  FOR EACH ROW WHEN (NEW.assignee_id IS NOT NULL) EXECUTE FUNCTION "tasks_check_assignee"();--> statement-breakpoint
-- At most 50 members and pending invitations per project; invitations to one project take turns.
CREATE FUNCTION "invitations_check_limit"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_advisory_xact_lock(hashtextextended('invitations:' || NEW.project_id::text, 0));
  IF (SELECT count(*) FROM project_members WHERE project_id = NEW.project_id)
     + (SELECT count(*) FROM invitations WHERE project_id = NEW.project_id AND expires_at > now()) > 50 THEN
    RAISE EXCEPTION 'a project has at most 50 members and pending invitations' USING ERRCODE = 'check_violation', CONSTRAINT = 'project_members_limit';
  END IF;
  RETURN NULL;
END
$$;--> statement-breakpoint
CREATE TRIGGER "invitations_limit" AFTER INSERT ON "invitations" FOR EACH ROW EXECUTE FUNCTION "invitations_check_limit"();--> statement-breakpoint
-- Labels are personal: a task's labels are each member's own, so setting the caller's replaces
-- only theirs (0010's function otherwise).
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
  DELETE FROM task_labels tl USING labels l
    WHERE tl.task_id = p_task AND l.id = tl.label_id AND l.user_id = p_user AND tl.label_id <> ALL (ids);
  INSERT INTO task_labels (task_id, label_id) SELECT p_task, unnest(ids) ON CONFLICT DO NOTHING;
  RETURN ARRAY(SELECT name FROM labels WHERE id = ANY (ids) ORDER BY lower(name), name);
END
$$;--> statement-breakpoint
-- An account being deleted hands over what others rely on, before the cascades run: each
-- project it owns with other members passes to its longest-standing editor (else member), renamed
-- if the heir owns one of that name, with the pending invitations; every task it created in a
-- project it does not (now) own passes to that project's owner, who also counts them (0008).
CREATE FUNCTION "users_hand_over"() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  r record;
  taken_name text;
  n integer;
BEGIN
  FOR r IN
    SELECT p.id, p.name, (SELECT m.user_id FROM project_members m WHERE m.project_id = p.id AND m.user_id <> OLD.id
                          ORDER BY (m.role = 'editor') DESC, m.joined_at, m.user_id LIMIT 1) AS heir
    FROM projects p WHERE p.owner_id = OLD.id ORDER BY p.id FOR UPDATE
  LOOP
    CONTINUE WHEN r.heir IS NULL;
    taken_name := r.name;
    n := 1;
    WHILE EXISTS (SELECT 1 FROM projects WHERE owner_id = r.heir AND lower(name) = lower(taken_name)) LOOP
      n := n + 1;
      taken_name := left(r.name, 112) || ' (' || n || ')';
    END LOOP;
    UPDATE projects SET owner_id = r.heir, name = taken_name WHERE id = r.id;
    UPDATE project_members SET role = 'owner' WHERE project_id = r.id AND user_id = r.heir;
    UPDATE invitations SET invited_by = r.heir WHERE project_id = r.id;
  END LOOP;
  WITH passed AS (
    UPDATE tasks t SET user_id = p.owner_id FROM projects p
    WHERE t.project_id = p.id AND t.user_id = OLD.id AND p.owner_id <> OLD.id
    RETURNING p.owner_id
  )
  INSERT INTO task_counts AS c (user_id, shard, tasks)
  SELECT owner_id, pg_backend_pid() % 16, count(*) FROM passed GROUP BY owner_id
  ON CONFLICT (user_id, shard) DO UPDATE SET tasks = c.tasks + excluded.tasks;
  RETURN OLD;
END
$$;--> statement-breakpoint
CREATE TRIGGER "users_hand_over" BEFORE DELETE ON "users" FOR EACH ROW EXECUTE FUNCTION "users_hand_over"();
--> statement-breakpoint
-- A deleted task's tombstone goes to everyone who saw it: the members of its project (or its
-- creator, for an Inbox task), as well as its creator. A project being deleted gave its members
-- theirs already (above).
CREATE FUNCTION "record_task_tombstone"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO tombstones (id, kind, user_id)
  SELECT OLD.id, 'task', v FROM (
    SELECT OLD.user_id AS v WHERE EXISTS (SELECT 1 FROM users WHERE id = OLD.user_id)
    UNION SELECT user_id FROM project_members WHERE project_id = OLD.project_id
  ) AS viewers
  ON CONFLICT (user_id, id) DO UPDATE SET change_xid = pg_current_xact_id(), deleted_at = now();
  DELETE FROM tombstones WHERE (user_id, id) IN (
    SELECT user_id, id FROM tombstones WHERE deleted_at < now() - interval '31 days'
    ORDER BY deleted_at LIMIT 2 FOR UPDATE SKIP LOCKED);
  RETURN NULL;
END
$$;--> statement-breakpoint
DROP TRIGGER "tasks_record_tombstone" ON "tasks";--> statement-breakpoint
CREATE TRIGGER "tasks_record_tombstone" AFTER DELETE ON "tasks"
  FOR EACH ROW EXECUTE FUNCTION "record_task_tombstone"();
