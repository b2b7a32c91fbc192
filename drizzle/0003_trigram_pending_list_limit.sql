-- Searches scan the trigram indexes' GIN pending list, which by default grows to 4 MB before it
-- is moved into the index: cap it at 64 kB. ALTER rather than drizzle-kit's DROP and CREATE: no
-- rebuild. The ALTER locks each index, and so every statement on tasks, until the migration
-- commits: what is pending is moved into the index first, before that lock, and a migration
-- that would wait more than 5 s for it fails (run it again) instead of queueing everyone.
SELECT gin_clean_pending_list('tasks_title_trgm_idx');--> statement-breakpoint
SELECT gin_clean_pending_list('tasks_description_trgm_idx');--> statement-breakpoint
SET LOCAL lock_timeout = '5s';--> statement-breakpoint
ALTER INDEX "tasks_title_trgm_idx" SET (gin_pending_list_limit = 64);--> statement-breakpoint
ALTER INDEX "tasks_description_trgm_idx" SET (gin_pending_list_limit = 64);
