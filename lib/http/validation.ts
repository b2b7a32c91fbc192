import 'server-only';
import type { z } from 'zod';
import { InvalidFields, type FieldError } from '@/lib/errors';

export function zodFieldErrors(error: z.ZodError): FieldError[] {
  return error.issues.map((issue) => ({ path: issue.path.map(String).join('.'), message: issue.message }));
}

/** Validates with zod; a failure becomes a `422` listing each bad field. */
export function parseWith<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  const result = schema.safeParse(input);
  if (!result.success) throw new InvalidFields(zodFieldErrors(result.error));
  return result.data;
}

/**
 * Validates several parts of a request (path, query, headers, body) in one go: a failure is one
 * `422` listing the bad fields of every part, not just those of the first part that failed.
 */
export function parseAll<S extends Record<string, z.ZodType>>(
  schemas: S,
  inputs: { [K in keyof S]: unknown },
): { [K in keyof S]: z.output<S[K]> } {
  const errors: FieldError[] = [];
  const parsed: Record<string, unknown> = {};
  for (const [part, schema] of Object.entries(schemas)) {
    const result = schema.safeParse(inputs[part]);
    if (result.success) parsed[part] = result.data;
    else errors.push(...zodFieldErrors(result.error));
  }
  if (errors.length > 0) throw new InvalidFields(errors);
  return parsed as { [K in keyof S]: z.output<S[K]> };
}
