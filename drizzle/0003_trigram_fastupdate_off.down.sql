ALTER INDEX "tasks_title_trgm_idx" RESET (fastupdate);--> statement-breakpoint
ALTER INDEX "tasks_description_trgm_idx" RESET (fastupdate);
