import 'server-only';
import { DomainError } from '@/lib/errors';

/** No label with this id belongs to the caller (another user's label is not found either). */
export class LabelNotFound extends DomainError {
  constructor() {
    super('Label not found');
  }
}

/** The caller already has a label of this name (case-insensitively). */
export class LabelNameTaken extends DomainError {
  constructor() {
    super('You already have a label with this name');
  }
}

/** Creating this label would pass the per-user limit. */
export class TooManyLabels extends DomainError {
  constructor(readonly limit: number) {
    super(`at most ${limit} labels per user; delete some first`);
  }
}
