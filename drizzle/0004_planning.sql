CREATE SEQUENCE "public"."task_position_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1;--> statement-breakpoint
CREATE TABLE "labels" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"user_id" uuid NOT NULL,
	"name" text NOT NULL,
	"color" text DEFAULT 'grey' NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "labels_name_length" CHECK (char_length("labels"."name") between 1 and 60),
	CONSTRAINT "labels_color_valid" CHECK ("labels"."color" in ('grey', 'red', 'orange', 'yellow', 'green', 'teal', 'blue', 'purple', 'pink'))
);
--> statement-breakpoint
CREATE TABLE "task_labels" (
	"task_id" uuid NOT NULL,
	"label_id" uuid NOT NULL,
	CONSTRAINT "task_labels_task_id_label_id_pk" PRIMARY KEY("task_id","label_id")
);
--> statement-breakpoint
ALTER TABLE "tasks" ADD COLUMN "due_date" date;--> statement-breakpoint
ALTER TABLE "tasks" ADD COLUMN "due_time" time(0);--> statement-breakpoint
ALTER TABLE "tasks" ADD COLUMN "priority" smallint DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "tasks" ADD COLUMN "repeat_every" text;--> statement-breakpoint
ALTER TABLE "tasks" ADD COLUMN "repeat_interval" smallint;--> statement-breakpoint
ALTER TABLE "tasks" ADD COLUMN "position" text COLLATE "C" DEFAULT (lpad(to_hex(9223372036854775807 - nextval('task_position_seq')), 16, '0') || 'V') NOT NULL;--> statement-breakpoint
ALTER TABLE "labels" ADD CONSTRAINT "labels_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "task_labels" ADD CONSTRAINT "task_labels_task_id_tasks_id_fk" FOREIGN KEY ("task_id") REFERENCES "public"."tasks"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "task_labels" ADD CONSTRAINT "task_labels_label_id_labels_id_fk" FOREIGN KEY ("label_id") REFERENCES "public"."labels"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "labels_user_name_idx" ON "labels" USING btree ("user_id",lower("name"));--> statement-breakpoint
CREATE INDEX "task_labels_label_idx" ON "task_labels" USING btree ("label_id","task_id");--> statement-breakpoint
CREATE UNIQUE INDEX "tasks_user_position_idx" ON "tasks" USING btree ("user_id","position");--> statement-breakpoint
CREATE INDEX "tasks_user_priority_idx" ON "tasks" USING btree ("user_id","priority","id");--> statement-breakpoint
CREATE INDEX "tasks_user_due_asc_idx" ON "tasks" USING btree ("user_id",coalesce("due_date", 'infinity'::date),("due_time" is not null),coalesce("due_time", '00:00'::time),"id");--> statement-breakpoint
CREATE INDEX "tasks_user_due_desc_idx" ON "tasks" USING btree ("user_id",coalesce("due_date", '-infinity'::date),("due_time" is not null),coalesce("due_time", '00:00'::time),"id");--> statement-breakpoint
ALTER TABLE "tasks" ADD CONSTRAINT "tasks_due_date_range" CHECK ("tasks"."due_date" between '1900-01-01' and '9999-12-31');--> statement-breakpoint
ALTER TABLE "tasks" ADD CONSTRAINT "tasks_due_time_needs_date" CHECK ("tasks"."due_time" is null or "tasks"."due_date" is not null);--> statement-breakpoint
ALTER TABLE "tasks" ADD CONSTRAINT "tasks_priority_range" CHECK ("tasks"."priority" between 0 and 3);--> statement-breakpoint
ALTER TABLE "tasks" ADD CONSTRAINT "tasks_repeat_valid" CHECK (("tasks"."repeat_every" is null and "tasks"."repeat_interval" is null) or ("tasks"."repeat_every" in ('day', 'weekday', 'week', 'month', 'year') and "tasks"."repeat_interval" between 1 and 365 and ("tasks"."repeat_every" <> 'weekday' or "tasks"."repeat_interval" = 1)));--> statement-breakpoint
ALTER TABLE "tasks" ADD CONSTRAINT "tasks_repeat_needs_date" CHECK ("tasks"."repeat_every" is null or "tasks"."due_date" is not null);--> statement-breakpoint
-- hand-written
-- Existing tasks get the manual order of the list they knew, newest first: numbers past those
-- the column default just used (so the unique index never sees two equal positions), then the
-- sequence moves past them.
UPDATE "tasks" AS t SET "position" = lpad(to_hex(9223372036854775807 - (o.n + o.total)), 16, '0') || 'V'
FROM (SELECT "id", row_number() OVER (ORDER BY "created_at", "id") AS n, count(*) OVER () AS total FROM "tasks") AS o
WHERE t."id" = o."id";--> statement-breakpoint
SELECT setval('task_position_seq', (SELECT count(*) * 2 + 1 FROM "tasks"));--> statement-breakpoint
-- At most 500 labels per user. Per user, creators take turns (a transaction-scoped advisory
-- lock), so two concurrent creates cannot both see 499.
CREATE FUNCTION "labels_check_limit"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_advisory_xact_lock(hashtextextended('labels:' || NEW.user_id::text, 0));
  IF (SELECT count(*) FROM labels WHERE user_id = NEW.user_id) > 500 THEN
    RAISE EXCEPTION 'a user has at most 500 labels' USING ERRCODE = 'check_violation', CONSTRAINT = 'labels_per_user_limit';
  END IF;
  RETURN NULL;
END
$$;--> statement-breakpoint
CREATE TRIGGER "labels_limit" AFTER INSERT ON "labels" FOR EACH ROW EXECUTE FUNCTION "labels_check_limit"();--> statement-breakpoint
-- Sets a task's labels from names, in the statement that writes the task (called in its
-- RETURNING), and returns the names sorted case-insensitively. Missing labels are created in
-- their first spelling; an existing label's spelling wins. Each statement here sees what
-- concurrent ones committed, so a label another request just created is found, not duplicated.
CREATE FUNCTION "set_task_labels"(p_task uuid, p_user uuid, p_names text[]) RETURNS text[] LANGUAGE plpgsql AS $$
DECLARE
  ids uuid[];
BEGIN
  INSERT INTO labels (user_id, name)
  SELECT DISTINCT ON (lower(n.name)) p_user, n.name FROM unnest(p_names) WITH ORDINALITY AS n(name, ord)
  ORDER BY lower(n.name), n.ord
  ON CONFLICT (user_id, lower(name)) DO NOTHING;
  SELECT coalesce(array_agg(id), '{}') INTO ids FROM labels
  WHERE user_id = p_user AND lower(name) IN (SELECT lower(n) FROM unnest(p_names) AS n);
  DELETE FROM task_labels WHERE task_id = p_task AND label_id <> ALL (ids);
  INSERT INTO task_labels (task_id, label_id) SELECT p_task, unnest(ids) ON CONFLICT DO NOTHING;
  RETURN ARRAY(SELECT name FROM labels WHERE id = ANY (ids) ORDER BY lower(name), name);
END
$$;
