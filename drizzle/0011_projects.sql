-- Projects and subtasks (docs/api.md, "v3: projects and subtasks"). Every v2 task stays where
-- it was: project_id null is its creator's Inbox, and list_id (the list a task is in) is the
-- creator's id for it. The list indexes replace the per-user ones; positions are unique per list.
CREATE TABLE "project_members" (
	"project_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"role" text NOT NULL,
	"position" text COLLATE "C" DEFAULT ('z' || lpad(to_hex(nextval('task_position_seq')), 16, '0') || 'V') NOT NULL,
	"change_xid" "xid8" DEFAULT pg_current_xact_id() NOT NULL,
	"joined_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "project_members_project_id_user_id_pk" PRIMARY KEY("project_id","user_id"),
	CONSTRAINT "project_members_role" CHECK ("project_members"."role" in ('owner', 'editor', 'viewer'))
);
--> statement-breakpoint
CREATE TABLE "projects" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"owner_id" uuid NOT NULL,
	"name" text NOT NULL,
	"color" text DEFAULT 'grey' NOT NULL,
	"change_xid" "xid8" DEFAULT pg_current_xact_id() NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "projects_name_length" CHECK (char_length("projects"."name") between 1 and 120),
	CONSTRAINT "projects_color_valid" CHECK ("projects"."color" in ('grey', 'red', 'orange', 'yellow', 'green', 'teal', 'blue', 'purple', 'pink'))
);
--> statement-breakpoint
ALTER TABLE "tombstones" DROP CONSTRAINT "tombstones_kind";--> statement-breakpoint
DROP INDEX "tasks_user_position_idx";--> statement-breakpoint
DROP INDEX "tasks_user_priority_idx";--> statement-breakpoint
DROP INDEX "tasks_user_due_asc_idx";--> statement-breakpoint
DROP INDEX "tasks_user_due_desc_idx";--> statement-breakpoint
DROP INDEX "tasks_user_change_idx";--> statement-breakpoint
DROP INDEX "tasks_user_created_idx";--> statement-breakpoint
DROP INDEX "tasks_user_updated_idx";--> statement-breakpoint
DROP INDEX "tasks_user_title_idx";--> statement-breakpoint
ALTER TABLE "tombstones" DROP CONSTRAINT "tombstones_pkey";--> statement-breakpoint
ALTER TABLE "tombstones" ADD CONSTRAINT "tombstones_user_id_id_pk" PRIMARY KEY("user_id","id");--> statement-breakpoint
ALTER TABLE "tasks" ADD COLUMN "project_id" uuid;--> statement-breakpoint
ALTER TABLE "tasks" ADD COLUMN "parent_id" uuid;--> statement-breakpoint
ALTER TABLE "tasks" ADD COLUMN "list_id" uuid GENERATED ALWAYS AS (coalesce(project_id, user_id)) STORED NOT NULL;--> statement-breakpoint
ALTER TABLE "project_members" ADD CONSTRAINT "project_members_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "project_members" ADD CONSTRAINT "project_members_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "projects" ADD CONSTRAINT "projects_owner_id_users_id_fk" FOREIGN KEY ("owner_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "project_members_user_position_idx" ON "project_members" USING btree ("user_id","position");--> statement-breakpoint
CREATE INDEX "project_members_user_change_idx" ON "project_members" USING btree ("user_id","change_xid");--> statement-breakpoint
CREATE UNIQUE INDEX "projects_owner_name_idx" ON "projects" USING btree ("owner_id",lower("name"));--> statement-breakpoint
ALTER TABLE "tasks" ADD CONSTRAINT "tasks_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "tasks_id_list_idx" ON "tasks" USING btree ("id","list_id");--> statement-breakpoint
ALTER TABLE "tasks" ADD CONSTRAINT "tasks_parent_fk" FOREIGN KEY ("parent_id","list_id") REFERENCES "public"."tasks"("id","list_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "tasks_parent_idx" ON "tasks" USING btree ("parent_id");--> statement-breakpoint
CREATE INDEX "tasks_user_idx" ON "tasks" USING btree ("user_id");--> statement-breakpoint
CREATE UNIQUE INDEX "tasks_list_position_idx" ON "tasks" USING btree ("list_id","position");--> statement-breakpoint
CREATE INDEX "tasks_list_priority_idx" ON "tasks" USING btree ("list_id","priority","id");--> statement-breakpoint
CREATE INDEX "tasks_list_due_asc_idx" ON "tasks" USING btree ("list_id",coalesce("due_date", 'infinity'::date),("due_time" is not null),coalesce("due_time", '00:00'::time),"id");--> statement-breakpoint
CREATE INDEX "tasks_list_due_desc_idx" ON "tasks" USING btree ("list_id",coalesce("due_date", '-infinity'::date),("due_time" is not null),coalesce("due_time", '00:00'::time),"id");--> statement-breakpoint
CREATE INDEX "tasks_list_change_idx" ON "tasks" USING btree ("list_id","change_xid","id");--> statement-breakpoint
CREATE INDEX "tasks_list_created_idx" ON "tasks" USING btree ("list_id","created_at","id");--> statement-breakpoint
CREATE INDEX "tasks_list_updated_idx" ON "tasks" USING btree ("list_id","updated_at","id");--> statement-breakpoint
CREATE INDEX "tasks_list_title_idx" ON "tasks" USING btree ("list_id",lower("title"),"id");--> statement-breakpoint
ALTER TABLE "tombstones" ADD CONSTRAINT "tombstones_kind" CHECK ("tombstones"."kind" in ('task', 'label', 'project'));--> statement-breakpoint
-- A project's tombstone is one per member who could see it (a user's `deleted_projects`), so
-- tombstones are unique per user and id (above), not per id.
CREATE OR REPLACE FUNCTION "record_tombstone"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF EXISTS (SELECT 1 FROM users WHERE id = OLD.user_id) THEN
    INSERT INTO tombstones (id, kind, user_id) VALUES (OLD.id, TG_ARGV[0], OLD.user_id) ON CONFLICT (user_id, id) DO UPDATE
      SET change_xid = pg_current_xact_id(), deleted_at = now();
  END IF;
  DELETE FROM tombstones WHERE (user_id, id) IN (
    SELECT user_id, id FROM tombstones WHERE deleted_at < now() - interval '31 days'
    ORDER BY deleted_at LIMIT 2 FOR UPDATE SKIP LOCKED);
  RETURN NULL;
END
$$;--> statement-breakpoint
-- A member who no longer sees a project (it was deleted, or they left) gets its tombstone.
CREATE FUNCTION "record_project_tombstone"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF EXISTS (SELECT 1 FROM users WHERE id = OLD.user_id) THEN
    INSERT INTO tombstones (id, kind, user_id) VALUES (OLD.project_id, 'project', OLD.user_id) ON CONFLICT (user_id, id) DO UPDATE
      SET change_xid = pg_current_xact_id(), deleted_at = now();
  END IF;
  RETURN NULL;
END
$$;--> statement-breakpoint
CREATE TRIGGER "project_members_record_tombstone" AFTER DELETE ON "project_members"
  FOR EACH ROW EXECUTE FUNCTION "record_project_tombstone"();--> statement-breakpoint
CREATE TRIGGER "projects_stamp_change_xid" BEFORE UPDATE ON "projects"
  FOR EACH ROW EXECUTE FUNCTION "stamp_change_xid"();--> statement-breakpoint
CREATE TRIGGER "project_members_stamp_change_xid" BEFORE UPDATE ON "project_members"
  FOR EACH ROW EXECUTE FUNCTION "stamp_change_xid"();--> statement-breakpoint
CREATE TRIGGER "projects_set_timestamps" BEFORE UPDATE ON "projects"
  FOR EACH ROW EXECUTE FUNCTION "set_timestamps_on_update"();--> statement-breakpoint
-- At most 300 owned projects per user; an owner's creates take turns, as labels' do (0005).
CREATE FUNCTION "projects_check_limit"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_advisory_xact_lock(hashtextextended('projects:' || NEW.owner_id::text, 0));
  IF (SELECT count(*) FROM projects WHERE owner_id = NEW.owner_id) > 300 THEN
    RAISE EXCEPTION 'a user owns at most 300 projects' USING ERRCODE = 'check_violation', CONSTRAINT = 'projects_per_user_limit';
  END IF;
  RETURN NULL;
END
$$;--> statement-breakpoint
CREATE TRIGGER "projects_limit" AFTER INSERT ON "projects" FOR EACH ROW EXECUTE FUNCTION "projects_check_limit"();--> statement-breakpoint
-- A task's subtasks, theirs, and so on (not the task itself): what completing, reopening and
-- moving a task carry with it.
CREATE FUNCTION "task_descendants"(root uuid) RETURNS SETOF uuid LANGUAGE sql STABLE AS $$
  WITH RECURSIVE below (id) AS (
    SELECT id FROM tasks WHERE parent_id = root
    UNION ALL
    SELECT t.id FROM tasks t JOIN below b ON t.parent_id = b.id
  )
  SELECT id FROM below
$$;--> statement-breakpoint
-- A subtask tree has at most 4 levels (a task, its subtasks, theirs, theirs) and no cycle. The
-- walk up follows only parents in the task's own list: a parent elsewhere is the foreign key's to
-- refuse, and its tree, another list's, is none of this write's business. Changes of parents in
-- one list take turns (an advisory lock), so two that would close a cycle between them cannot
-- both pass: the second sees the first once it has committed (each statement here reads anew).
CREATE FUNCTION "tasks_check_tree"() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  list uuid := coalesce(NEW.project_id, NEW.user_id);
  ancestor uuid := NEW.parent_id;
  above integer := 0;
  below integer := 0;
BEGIN
  PERFORM pg_advisory_xact_lock(hashtextextended('tasks-tree:' || list::text, 0));
  WHILE ancestor IS NOT NULL LOOP
    IF ancestor = NEW.id THEN
      RAISE EXCEPTION 'a task cannot be its own descendant' USING ERRCODE = 'check_violation', CONSTRAINT = 'tasks_parent_cycle';
    END IF;
    above := above + 1;
    IF above > 3 THEN
      RAISE EXCEPTION 'subtasks go at most 4 levels deep' USING ERRCODE = 'check_violation', CONSTRAINT = 'tasks_parent_depth';
    END IF;
    SELECT parent_id INTO ancestor FROM tasks WHERE id = ancestor AND list_id = list;
  END LOOP;
  IF TG_OP = 'UPDATE' THEN
    WITH RECURSIVE subtree (id, depth) AS (
      SELECT id, 1 FROM tasks WHERE parent_id = NEW.id
      UNION ALL
      SELECT t.id, s.depth + 1 FROM tasks t JOIN subtree s ON t.parent_id = s.id WHERE s.depth < 4
    )
    SELECT coalesce(max(depth), 0) INTO below FROM subtree;
  END IF;
  IF above + below > 3 THEN
    RAISE EXCEPTION 'subtasks go at most 4 levels deep' USING ERRCODE = 'check_violation', CONSTRAINT = 'tasks_parent_depth';
  END IF;
  RETURN NEW;
END
$$;--> statement-breakpoint
CREATE TRIGGER "tasks_check_tree" BEFORE INSERT OR UPDATE OF "parent_id" ON "tasks"
  FOR EACH ROW WHEN (NEW.parent_id IS NOT NULL) EXECUTE FUNCTION "tasks_check_tree"();
