DROP TRIGGER IF EXISTS "tasks_check_tree" ON "tasks";--> statement-breakpoint
DROP FUNCTION IF EXISTS "tasks_check_tree"();--> statement-breakpoint
DROP FUNCTION IF EXISTS "task_descendants"(uuid);--> statement-breakpoint
DROP TRIGGER IF EXISTS "projects_limit" ON "projects";--> statement-breakpoint
DROP FUNCTION IF EXISTS "projects_check_limit"();--> statement-breakpoint
DROP TRIGGER IF EXISTS "project_members_record_tombstone" ON "project_members";--> statement-breakpoint
DROP FUNCTION IF EXISTS "record_project_tombstone"();--> statement-breakpoint
DELETE FROM "tombstones" WHERE "kind" = 'project';--> statement-breakpoint
-- v2 keeps one tombstone per id.
DELETE FROM "tombstones" t USING "tombstones" o WHERE t."id" = o."id" AND t."user_id" > o."user_id";--> statement-breakpoint
ALTER TABLE "tombstones" DROP CONSTRAINT "tombstones_user_id_id_pk";--> statement-breakpoint
ALTER TABLE "tombstones" ADD CONSTRAINT "tombstones_pkey" PRIMARY KEY ("id");--> statement-breakpoint
CREATE OR REPLACE FUNCTION "record_tombstone"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF EXISTS (SELECT 1 FROM users WHERE id = OLD.user_id) THEN
    INSERT INTO tombstones (id, kind, user_id) VALUES (OLD.id, TG_ARGV[0], OLD.user_id) ON CONFLICT (id) DO NOTHING;
  END IF;
  DELETE FROM tombstones WHERE id IN (
    SELECT id FROM tombstones WHERE deleted_at < now() - interval '31 days'
    ORDER BY deleted_at LIMIT 2 FOR UPDATE SKIP LOCKED);
  RETURN NULL;
END
$$;--> statement-breakpoint
ALTER TABLE "tombstones" DROP CONSTRAINT "tombstones_kind";--> statement-breakpoint
ALTER TABLE "tombstones" ADD CONSTRAINT "tombstones_kind" CHECK ("tombstones"."kind" in ('task', 'label'));--> statement-breakpoint
-- Tasks of projects go back to their creators' Inboxes, on top, with positions of their own.
UPDATE "tasks" SET "position" = (lpad(to_hex(9223372036854775807 - nextval('task_position_seq')), 16, '0') || 'V') WHERE "project_id" IS NOT NULL;--> statement-breakpoint
ALTER TABLE "tasks" DROP CONSTRAINT "tasks_parent_fk";--> statement-breakpoint
ALTER TABLE "tasks" DROP CONSTRAINT "tasks_project_id_projects_id_fk";--> statement-breakpoint
DROP INDEX "tasks_id_list_idx";--> statement-breakpoint
DROP INDEX "tasks_parent_idx";--> statement-breakpoint
DROP INDEX "tasks_user_idx";--> statement-breakpoint
DROP INDEX "tasks_list_position_idx";--> statement-breakpoint
DROP INDEX "tasks_list_priority_idx";--> statement-breakpoint
DROP INDEX "tasks_list_due_asc_idx";--> statement-breakpoint
DROP INDEX "tasks_list_due_desc_idx";--> statement-breakpoint
DROP INDEX "tasks_list_change_idx";--> statement-breakpoint
DROP INDEX "tasks_list_created_idx";--> statement-breakpoint
DROP INDEX "tasks_list_updated_idx";--> statement-breakpoint
DROP INDEX "tasks_list_title_idx";--> statement-breakpoint
ALTER TABLE "tasks" DROP COLUMN "list_id";--> statement-breakpoint
ALTER TABLE "tasks" DROP COLUMN "parent_id";--> statement-breakpoint
ALTER TABLE "tasks" DROP COLUMN "project_id";--> statement-breakpoint
DROP TABLE "project_members";--> statement-breakpoint
DROP TABLE "projects";--> statement-breakpoint
CREATE UNIQUE INDEX "tasks_user_position_idx" ON "tasks" USING btree ("user_id","position");--> statement-breakpoint
CREATE INDEX "tasks_user_priority_idx" ON "tasks" USING btree ("user_id","priority","id");--> statement-breakpoint
CREATE INDEX "tasks_user_due_asc_idx" ON "tasks" USING btree ("user_id",coalesce("due_date", 'infinity'::date),("due_time" is not null),coalesce("due_time", '00:00'::time),"id");--> statement-breakpoint
CREATE INDEX "tasks_user_due_desc_idx" ON "tasks" USING btree ("user_id",coalesce("due_date", '-infinity'::date),("due_time" is not null),coalesce("due_time", '00:00'::time),"id");--> statement-breakpoint
CREATE INDEX "tasks_user_change_idx" ON "tasks" USING btree ("user_id","change_xid","id");--> statement-breakpoint
CREATE INDEX "tasks_user_created_idx" ON "tasks" USING btree ("user_id","created_at","id");--> statement-breakpoint
CREATE INDEX "tasks_user_updated_idx" ON "tasks" USING btree ("user_id","updated_at","id");--> statement-breakpoint
CREATE INDEX "tasks_user_title_idx" ON "tasks" USING btree ("user_id",lower("title"),"id");
