import 'server-only';

/**
 * A refusal in the domain's words (a task not found, an email taken). Domain code throws these;
 * lib/http/errors.ts alone turns each kind into a status code and a problem document.
 */
export class DomainError extends Error {
  constructor(message: string) {
    super(message);
    this.name = new.target.name;
  }
}
