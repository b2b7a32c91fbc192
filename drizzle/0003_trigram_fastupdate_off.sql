-- New tasks go straight into the trigram indexes, not into a pending list that every search
-- scans until vacuum. ALTER rather than drizzle-kit's DROP and CREATE: no rebuild. The ALTER
-- locks each index (and so every statement on tasks) until the migration commits, so what is
-- pending is moved into the index first, outside that lock, and the rest after.
SELECT gin_clean_pending_list('tasks_title_trgm_idx');--> statement-breakpoint
SELECT gin_clean_pending_list('tasks_description_trgm_idx');--> statement-breakpoint
ALTER INDEX "tasks_title_trgm_idx" SET (fastupdate = off);--> statement-breakpoint
ALTER INDEX "tasks_description_trgm_idx" SET (fastupdate = off);--> statement-breakpoint
SELECT gin_clean_pending_list('tasks_title_trgm_idx');--> statement-breakpoint
SELECT gin_clean_pending_list('tasks_description_trgm_idx');
