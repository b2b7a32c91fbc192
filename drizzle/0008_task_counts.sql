-- At most 50,000 tasks per user (API.md, "v2: export and import"), for creates and imports
-- alike, without counting a user's tasks on every create. Each user's count is kept in 16
-- shards, maintained by statement triggers on tasks: a create adds 1 to the shard of its
-- connection (pg_backend_pid() % 16), so one account's concurrent creates rarely wait on one
-- another, as they did not before (a counter on the user row would serialise them).
--
-- Far from the cap a create takes no other lock: it reads the sum of the shards, adds its 1,
-- and reads again. While its shard row stays locked (until commit), at most 15 other
-- transactions (one per other shard, each adding 1) can have uncommitted additions, so
-- "sum + 15 <= cap" after the addition proves the cap holds. Within 1,000 tasks of the cap,
-- and for any statement or transaction that adds more than one task (imports), the writers of
-- one user take turns (the advisory lock imports already take) and lock every shard row first,
-- which waits for the uncommitted additions: the count is then exact. The only imprecision: a
-- create that read the sum further than 1,000 from the cap and, after its addition, finds
-- itself within 15 of it (about a thousand creates committed in between) is refused although
-- up to 15 more might have fit. The cap itself is never exceeded.
CREATE TABLE "task_counts" (
	"user_id" uuid NOT NULL,
	"shard" smallint NOT NULL,
	"tasks" integer NOT NULL,
	CONSTRAINT "task_counts_pkey" PRIMARY KEY("user_id","shard"),
	CONSTRAINT "task_counts_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE cascade
);--> statement-breakpoint
INSERT INTO "task_counts" ("user_id", "shard", "tasks") SELECT "user_id", 0, count(*) FROM "tasks" GROUP BY "user_id";--> statement-breakpoint
CREATE FUNCTION "tasks_count_inserted"() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  cap CONSTANT integer := 50000;
  shards CONSTANT integer := 16;
  near CONSTANT integer := 1000;
  my_shard CONSTANT smallint := pg_backend_pid() % shards;
  added_before integer := coalesce(nullif(current_setting('todo.tasks_added', true), ''), '0')::integer;
  r record;
  total bigint;
BEGIN
  FOR r IN SELECT user_id, count(*)::integer AS n FROM inserted GROUP BY user_id LOOP
    PERFORM set_config('todo.tasks_added', (added_before + r.n)::text, true);
    IF r.n = 1 AND added_before = 0 THEN
      SELECT coalesce(sum(tasks), 0) INTO total FROM task_counts WHERE user_id = r.user_id;
      IF total + 1 <= cap - near THEN
        INSERT INTO task_counts AS c (user_id, shard, tasks) VALUES (r.user_id, my_shard, 1)
        ON CONFLICT (user_id, shard) DO UPDATE SET tasks = c.tasks + 1;
        SELECT coalesce(sum(tasks), 0) INTO total FROM task_counts WHERE user_id = r.user_id;
        IF total + (shards - 1) > cap THEN
          RAISE EXCEPTION 'a user has at most % tasks', cap USING ERRCODE = 'check_violation', CONSTRAINT = 'tasks_per_user_limit';
        END IF;
        CONTINUE;
      END IF;
    END IF;
    -- Exact: this user's writers take turns, every shard exists and is locked, so no other
    -- transaction has an uncommitted addition.
    PERFORM pg_advisory_xact_lock(hashtextextended('tasks:' || r.user_id::text, 0));
    INSERT INTO task_counts (user_id, shard, tasks) SELECT r.user_id, s, 0 FROM generate_series(0, shards - 1) AS s
    ON CONFLICT (user_id, shard) DO NOTHING;
    SELECT coalesce(sum(tasks), 0) INTO total FROM (SELECT tasks FROM task_counts WHERE user_id = r.user_id FOR UPDATE) AS locked;
    IF total + r.n > cap THEN
      RAISE EXCEPTION 'a user has at most % tasks', cap USING ERRCODE = 'check_violation', CONSTRAINT = 'tasks_per_user_limit';
    END IF;
    UPDATE task_counts SET tasks = tasks + r.n WHERE user_id = r.user_id AND shard = my_shard;
  END LOOP;
  RETURN NULL;
END
$$;--> statement-breakpoint
-- Deletes subtract in the connection's shard (a shard may go negative; the sum is what counts).
-- Rows of a user being deleted are gone already: nothing to subtract, nothing to insert.
CREATE FUNCTION "tasks_count_deleted"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO task_counts AS c (user_id, shard, tasks)
  SELECT d.user_id, pg_backend_pid() % 16, -count(*) FROM deleted AS d
  WHERE EXISTS (SELECT 1 FROM users AS u WHERE u.id = d.user_id)
  GROUP BY d.user_id
  ON CONFLICT (user_id, shard) DO UPDATE SET tasks = c.tasks + excluded.tasks;
  RETURN NULL;
END
$$;--> statement-breakpoint
CREATE TRIGGER "tasks_count_inserted" AFTER INSERT ON "tasks" REFERENCING NEW TABLE AS inserted FOR EACH STATEMENT EXECUTE FUNCTION "tasks_count_inserted"();--> statement-breakpoint
CREATE TRIGGER "tasks_count_deleted" AFTER DELETE ON "tasks" REFERENCING OLD TABLE AS deleted FOR EACH STATEMENT EXECUTE FUNCTION "tasks_count_deleted"();
