import { adminQuery } from './postgres';

/** How many tasks the list benchmarks read the first page of. */
export const LIST_TASKS = 10_000;

// Titles like "Pay invoice #431" from 10 verbs × 10 nouns, so a search for one noun matches
// 1,000 of the 10,000 tasks; created a minute apart, a third with a description; two thirds due
// within a year (half of those at a time of day). With `projects`, the tasks are spread over
// that many projects of the user's (in turn), and the Inbox is empty.
export async function seedTasks(databaseUrl: string, userId: string, { projects = 0 } = {}): Promise<string[]> {
  let projectIds: string[] = [];
  if (projects > 0) {
    const { rows } = await adminQuery<{ id: string }>(
      databaseUrl,
      `insert into projects (owner_id, name) select $1, 'Project ' || n from generate_series(1, $2::int) as n returning id`,
      [userId, projects],
    );
    projectIds = rows.map((row) => row.id);
    await adminQuery(databaseUrl, `insert into project_members (project_id, user_id, role) select id, $1, 'owner' from unnest($2::uuid[]) as id`, [userId, projectIds]);
  }
  // Without projects, no project_id: the same seed fills a checkout from before them (bench:compare).
  const inProjects = projectIds.length > 0;
  await adminQuery(
    databaseUrl,
    `insert into tasks (user_id, ${inProjects ? 'project_id, ' : ''}title, description, completed, created_at, updated_at, due_date, due_time, priority)
     select $1, ${inProjects ? '($3::uuid[])[1 + i % cardinality($3::uuid[])],' : ''}
            (array['Buy','Call','Write','Fix','Plan','Read','Clean','Book','Pay','Review'])[1 + i % 10] || ' ' ||
            (array['milk','report','dentist','bike','garden','invoice','slides','taxes','flight','kitchen'])[1 + (i / 10) % 10] ||
            ' #' || i,
            case when i % 3 = 0 then 'notes for task ' || i end,
            i % 4 = 0,
            now() - make_interval(mins => i), now() - make_interval(mins => i),
            case when i % 3 <> 0 then current_date + i % 365 end,
            case when i % 3 = 1 then make_time(i % 24, 0, 0) end,
            i % 4
     from generate_series(1, $2::int) as i`,
    inProjects ? [userId, LIST_TASKS, projectIds] : [userId, LIST_TASKS],
  );
  // Ten labels, one or two on each task, so a page sorted by due joins its labels.
  await adminQuery(
    databaseUrl,
    `insert into labels (user_id, name) select $1, (array['home','work','errands','garden','health','money','family','travel','car','reading'])[n]
     from generate_series(1, 10) as n`,
    [userId],
  );
  await adminQuery(
    databaseUrl,
    `insert into task_labels (task_id, label_id)
     select t.id, l.id from (select id, row_number() over (order by id) as i from tasks where user_id = $1) t
     join (select id, row_number() over (order by name) as n from labels where user_id = $1) l on l.n = 1 + t.i % 10 or (t.i % 3 = 0 and l.n = 1 + (t.i + 5) % 10)`,
    [userId],
  );
  // What autovacuum leaves behind for an account that grew over time: statistics, and pages
  // marked all-visible so that counting the matches needs no visit to the table itself.
  await adminQuery(databaseUrl, 'vacuum analyze tasks');
  await adminQuery(databaseUrl, 'vacuum analyze task_labels');
  await adminQuery(databaseUrl, 'vacuum analyze labels');
  if (inProjects) await adminQuery(databaseUrl, 'vacuum analyze project_members');
  return projectIds;
}
