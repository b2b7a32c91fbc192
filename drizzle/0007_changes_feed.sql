CREATE TABLE "tombstones" (
	"id" uuid PRIMARY KEY NOT NULL,
	"kind" text NOT NULL,
	"user_id" uuid NOT NULL,
	"change_xid" "xid8" DEFAULT pg_current_xact_id() NOT NULL,
	"deleted_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "tombstones_kind" CHECK ("tombstones"."kind" in ('task', 'label'))
);
--> statement-breakpoint
ALTER TABLE "labels" ADD COLUMN "change_xid" "xid8" DEFAULT pg_current_xact_id() NOT NULL;--> statement-breakpoint
ALTER TABLE "tasks" ADD COLUMN "change_xid" "xid8" DEFAULT pg_current_xact_id() NOT NULL;--> statement-breakpoint
ALTER TABLE "tombstones" ADD CONSTRAINT "tombstones_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "tombstones_user_change_idx" ON "tombstones" USING btree ("user_id","change_xid","id");--> statement-breakpoint
CREATE INDEX "tombstones_deleted_idx" ON "tombstones" USING btree ("deleted_at");--> statement-breakpoint
CREATE INDEX "labels_user_change_idx" ON "labels" USING btree ("user_id","change_xid");--> statement-breakpoint
CREATE INDEX "tasks_user_change_idx" ON "tasks" USING btree ("user_id","change_xid","id");--> statement-breakpoint
-- The changes feed (lib/sync/feed.ts): every row remembers the transaction that last wrote it.
-- Inserts take the column default; updates, from any writer, this trigger.
CREATE FUNCTION "stamp_change_xid"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  NEW.change_xid := pg_current_xact_id();
  RETURN NEW;
END
$$;
--> statement-breakpoint
CREATE TRIGGER "tasks_stamp_change_xid" BEFORE UPDATE ON "tasks"
  FOR EACH ROW EXECUTE FUNCTION "stamp_change_xid"();
--> statement-breakpoint
CREATE TRIGGER "labels_stamp_change_xid" BEFORE UPDATE ON "labels"
  FOR EACH ROW EXECUTE FUNCTION "stamp_change_xid"();
--> statement-breakpoint
-- A deleted task or label leaves a tombstone, stamped by the deleting transaction, for the
-- feed's `deleted` and the events watcher. Not when its account goes with it (the user row is
-- already gone then, and the account's tombstones would only be deleted again). Each delete also
-- removes two tombstones past the 31 days a cursor may need them (the cron purge does the rest).
CREATE FUNCTION "record_tombstone"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF EXISTS (SELECT 1 FROM users WHERE id = OLD.user_id) THEN
    INSERT INTO tombstones (id, kind, user_id) VALUES (OLD.id, TG_ARGV[0], OLD.user_id) ON CONFLICT (id) DO NOTHING;
  END IF;
  DELETE FROM tombstones WHERE id IN (
    SELECT id FROM tombstones WHERE deleted_at < now() - interval '31 days'
    ORDER BY deleted_at LIMIT 2 FOR UPDATE SKIP LOCKED);
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE TRIGGER "tasks_record_tombstone" AFTER DELETE ON "tasks"
  FOR EACH ROW EXECUTE FUNCTION "record_tombstone"('task');
--> statement-breakpoint
CREATE TRIGGER "labels_record_tombstone" AFTER DELETE ON "labels"
  FOR EACH ROW EXECUTE FUNCTION "record_tombstone"('label');
