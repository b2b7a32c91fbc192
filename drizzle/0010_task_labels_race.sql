-- set_task_labels (0005), safe against a label deleted while a write sets it. Its labels are now
-- locked FOR KEY SHARE before the task is linked to them: a DELETE of one waits for this
-- transaction, and one deleted between the insert and the lock is not found, so it is created
-- again by name (as the contract says for a name the caller has no label for). Before, the link
-- could name a label deleted a moment earlier: a foreign-key violation, answered 500.
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
$$;
