CREATE OR REPLACE FUNCTION "set_task_labels"(p_task uuid, p_user uuid, p_names text[]) RETURNS text[] LANGUAGE plpgsql AS $$
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
