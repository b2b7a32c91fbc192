-- Trigram operators and GIN opclasses for the case-insensitive substring search of the task list.
CREATE EXTENSION IF NOT EXISTS pg_trgm;
