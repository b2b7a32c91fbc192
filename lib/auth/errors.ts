import 'server-only';
import { DomainError } from '@/lib/errors';

/** No credentials, or credentials that do not prove who is calling. */
export class NotAuthenticated extends DomainError {}

/** Valid credentials of a session that has ended: signed out, revoked, or its account deleted. */
export class SessionEnded extends NotAuthenticated {
  constructor() {
    super('This session has ended (signed out, or the account was deleted); sign in again');
  }
}

/** No such session among the caller's; another user's answers the same. */
export class SessionNotFound extends DomainError {
  constructor() {
    super('Session not found');
  }
}

/** A password that must be the account's own (`current_password`, `password`) is not. */
export class WrongPassword extends DomainError {
  constructor(readonly field: string) {
    super(`${field} is incorrect`);
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
