-- Every writer (Drizzle, psql, a future job) gets the same timestamp rules: created_at never
-- changes, and updated_at moves strictly forward, so an ETag built from it sees every change.
CREATE FUNCTION "set_timestamps_on_update"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  NEW.created_at := OLD.created_at;
  NEW.updated_at := greatest(now(), OLD.updated_at + interval '1 millisecond');
  RETURN NEW;
END
$$;
--> statement-breakpoint
CREATE TRIGGER "tasks_set_timestamps" BEFORE UPDATE ON "tasks"
  FOR EACH ROW EXECUTE FUNCTION "set_timestamps_on_update"();
--> statement-breakpoint
CREATE TRIGGER "users_set_timestamps" BEFORE UPDATE ON "users"
  FOR EACH ROW EXECUTE FUNCTION "set_timestamps_on_update"();
