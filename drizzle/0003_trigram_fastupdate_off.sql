-- New tasks go straight into the trigram indexes, not into a pending list that every search
-- scans until vacuum. ALTER rather than drizzle-kit's DROP and CREATE: no rebuild, no long lock
-- on a large table; what is pending now is moved into the index.
ALTER INDEX "tasks_title_trgm_idx" SET (fastupdate = off);--> statement-breakpoint
ALTER INDEX "tasks_description_trgm_idx" SET (fastupdate = off);--> statement-breakpoint
SELECT gin_clean_pending_list('tasks_title_trgm_idx');--> statement-breakpoint
SELECT gin_clean_pending_list('tasks_description_trgm_idx');
