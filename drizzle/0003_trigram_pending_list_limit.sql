-- Searches scan the trigram indexes' GIN pending list, which by default grows to 4 MB before it
-- is moved into the index: cap it at 64 kB. ALTER rather than drizzle-kit's DROP and CREATE: no
-- rebuild, and this option only takes a lock that lets reads and writes go on. What is pending
-- now is moved into the index here, not by the next unlucky insert.
ALTER INDEX "tasks_title_trgm_idx" SET (gin_pending_list_limit = 64);--> statement-breakpoint
ALTER INDEX "tasks_description_trgm_idx" SET (gin_pending_list_limit = 64);--> statement-breakpoint
SELECT gin_clean_pending_list('tasks_title_trgm_idx');--> statement-breakpoint
SELECT gin_clean_pending_list('tasks_description_trgm_idx');
