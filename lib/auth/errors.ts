import 'server-only';
import { DomainError } from '@/lib/errors';

/** No credentials, or credentials that do not prove who is calling. */
export class NotAuthenticated extends DomainError {}

/** Valid credentials of an account that no longer exists. */
export class CallerGone extends NotAuthenticated {
  constructor() {
    super('The account of this token no longer exists');
  }
}

/** A `{user_id}` in the path that is not the caller's own. */
export class NotYourTasks extends DomainError {
  constructor() {
    super('You can only access your own tasks');
  }
}

/** A signup with an email that has an account already, in any casing. */
export class EmailTaken extends DomainError {
  constructor() {
    super('An account with this email already exists');
  }
}

/** Email and password do not match an account; which of the two is wrong is never told. */
export class WrongCredentials extends DomainError {
  constructor() {
    super('Email or password is incorrect');
  }
}

/** Too many failed sign-ins for this email: the next attempt is allowed in `retryAfterSeconds`. */
export class SignInLockedOut extends DomainError {
  constructor(readonly retryAfterSeconds: number) {
    const minutes = Math.ceil(retryAfterSeconds / 60);
    super(`Too many failed sign-in attempts; try again in ${minutes} minute${minutes === 1 ? '' : 's'}`);
  }
}

/** Too many signups or failed sign-ins from one client address. */
export class TooManyFromAddress extends DomainError {
  constructor(
    readonly retryAfterSeconds: number,
    what: 'signups' | 'failed sign-ins',
  ) {
    const minutes = Math.ceil(retryAfterSeconds / 60);
    super(`Too many ${what} from your address; try again in ${minutes} minute${minutes === 1 ? '' : 's'}`);
  }
}

/** Every password-hashing slot of this process is taken and its queue is full. */
export class HashingBusy extends DomainError {
  constructor() {
    super('The server is busy checking passwords; try again in a moment');
  }
}
