import 'server-only';

/** One entry per bad field of a `422`. `path` is dotted (`title`, `items.0.name`), `''` for the whole body. */
export interface FieldError {
  path: string;
  message: string;
}

export interface ProblemOptions {
  /** The fields at fault, for a `422`. */
  errors?: FieldError[];
  /** Headers the answer needs: `Retry-After`, `ETag`, `WWW-Authenticate`. */
  headers?: Record<string, string>;
}

/**
 * A refusal in the domain's words (a task not found, an email taken) that knows how it is
 * answered: its status, its detail (the message) and any field errors or headers. Domain code
 * throws these; lib/http renders any of them as a problem document without knowing the domain.
 */
export class DomainError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly options: ProblemOptions = {},
  ) {
    super(message);
    this.name = new.target.name;
  }
}

/** A `422` naming the fields at fault; its detail lists them, `path message; …`. */
export class InvalidFields extends DomainError {
  constructor(readonly errors: FieldError[]) {
    super(422, errors.map((e) => (e.path ? `${e.path} ${e.message}` : e.message)).join('; '), { errors });
  }
}
