import 'server-only';
import { DomainError, type FieldError } from '@/lib/errors';

/** The most problems one refusal lists: a file with a bad column would otherwise list every row. */
export const IMPORT_ERRORS_MAX = 100;

/**
 * An import file the app will not store: each problem with where it is (`tasks[12].title`,
 * `row 13: title`). Nothing of the file was stored.
 */
export class ImportInvalid extends DomainError {
  constructor(
    readonly errors: FieldError[],
    total = errors.length,
  ) {
    const more = total > errors.length ? ` (the first ${errors.length} are listed)` : '';
    super(422, `The file has ${total === 1 ? 'a problem' : `${total} problems`}${more}; nothing was imported`, { errors });
  }
}
