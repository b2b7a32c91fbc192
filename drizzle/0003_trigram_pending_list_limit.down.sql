ALTER INDEX "tasks_title_trgm_idx" RESET (gin_pending_list_limit);--> statement-breakpoint
ALTER INDEX "tasks_description_trgm_idx" RESET (gin_pending_list_limit);
