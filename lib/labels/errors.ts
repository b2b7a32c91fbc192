import 'server-only';
import { DomainError, InvalidFields } from '@/lib/errors';

/** No label with this id belongs to the caller (another user's label is not found either). */
export class LabelNotFound extends DomainError {
  constructor() {
    super(404, 'Label not found');
  }
}

/** The caller already has a label of this name (case-insensitively). */
export class LabelNameTaken extends DomainError {
  constructor() {
    super(409, 'You already have a label with this name');
  }
}

/** Creating this label would pass the per-user limit. */
export class TooManyLabels extends InvalidFields {
  constructor(limit: number) {
    super([{ path: 'name', message: `at most ${limit} labels per user; delete some first` }]);
  }
}
