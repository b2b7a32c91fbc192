-- How many tasks each list holds (the Inbox, named by its user's id, or a project), so that a
-- list's total (X-Total-Count) is a read of a few rows instead of a count of every task in it:
-- counting 10,000 index entries was half of a first page's time in PostgreSQL. Kept in 16
-- shards per list, as task_counts (0008) is per user: a create adds 1 to the shard of its
-- connection, so concurrent creates into one list rarely wait on one another; the sum is the
-- count. Only the unfiltered total reads it: a filtered one still counts its matches.
CREATE TABLE "list_counts" (
	"list_id" uuid NOT NULL,
	"shard" smallint NOT NULL,
	"tasks" integer NOT NULL,
	CONSTRAINT "list_counts_list_id_shard_pk" PRIMARY KEY("list_id","shard")
);--> statement-breakpoint
-- No task is added or removed between the count and the triggers (till the migration commits).
LOCK TABLE "tasks" IN SHARE ROW EXCLUSIVE MODE;--> statement-breakpoint
INSERT INTO "list_counts" ("list_id", "shard", "tasks") SELECT "list_id", 0, count(*) FROM "tasks" GROUP BY "list_id";--> statement-breakpoint
-- Rows of several lists are locked in list order, so that two statements cannot deadlock on them.
CREATE FUNCTION "tasks_list_count_inserted"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO list_counts AS c (list_id, shard, tasks)
  SELECT list_id, pg_backend_pid() % 16, count(*) FROM inserted GROUP BY list_id ORDER BY list_id
  ON CONFLICT (list_id, shard) DO UPDATE SET tasks = c.tasks + excluded.tasks;
  RETURN NULL;
END
$$;--> statement-breakpoint
-- A list that is itself being deleted (its project or its user, whose rows cascade) is not
-- counted again: its rows go with it (below).
CREATE FUNCTION "tasks_list_count_deleted"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO list_counts AS c (list_id, shard, tasks)
  SELECT d.list_id, pg_backend_pid() % 16, -count(*) FROM deleted AS d
  WHERE EXISTS (SELECT 1 FROM projects AS p WHERE p.id = d.list_id) OR EXISTS (SELECT 1 FROM users AS u WHERE u.id = d.list_id)
  GROUP BY d.list_id ORDER BY d.list_id
  ON CONFLICT (list_id, shard) DO UPDATE SET tasks = c.tasks + excluded.tasks;
  RETURN NULL;
END
$$;--> statement-breakpoint
-- A task moved to another list (into or out of a project, with its subtree): one row each.
CREATE FUNCTION "tasks_list_count_moved"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO list_counts AS c (list_id, shard, tasks)
  SELECT moved.list_id, pg_backend_pid() % 16, moved.tasks FROM (VALUES (OLD.list_id, -1), (NEW.list_id, 1)) AS moved (list_id, tasks) ORDER BY moved.list_id
  ON CONFLICT (list_id, shard) DO UPDATE SET tasks = c.tasks + excluded.tasks;
  RETURN NULL;
END
$$;--> statement-breakpoint
CREATE FUNCTION "lists_forget_counts"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM list_counts WHERE list_id IN (SELECT id FROM deleted);
  RETURN NULL;
END
$$;--> statement-breakpoint
CREATE TRIGGER "tasks_list_count_inserted" AFTER INSERT ON "tasks" REFERENCING NEW TABLE AS inserted FOR EACH STATEMENT EXECUTE FUNCTION "tasks_list_count_inserted"();--> statement-breakpoint
CREATE TRIGGER "tasks_list_count_deleted" AFTER DELETE ON "tasks" REFERENCING OLD TABLE AS deleted FOR EACH STATEMENT EXECUTE FUNCTION "tasks_list_count_deleted"();--> statement-breakpoint
CREATE TRIGGER "tasks_list_count_moved" AFTER UPDATE OF "project_id", "user_id" ON "tasks" FOR EACH ROW WHEN (OLD."list_id" IS DISTINCT FROM NEW."list_id") EXECUTE FUNCTION "tasks_list_count_moved"();--> statement-breakpoint
CREATE TRIGGER "projects_forget_list_counts" AFTER DELETE ON "projects" REFERENCING OLD TABLE AS deleted FOR EACH STATEMENT EXECUTE FUNCTION "lists_forget_counts"();--> statement-breakpoint
CREATE TRIGGER "users_forget_list_counts" AFTER DELETE ON "users" REFERENCING OLD TABLE AS deleted FOR EACH STATEMENT EXECUTE FUNCTION "lists_forget_counts"();
