import 'server-only';
import { DomainError } from '@/lib/errors';

const BEARER = { 'WWW-Authenticate': 'Bearer' };

/** No credentials, or credentials that do not prove who is calling. */
export class NotAuthenticated extends DomainError {
  constructor(message: string) {
    super(401, message, { headers: BEARER });
  }
}

/** Valid credentials of a session that has ended: signed out, revoked, or its account deleted. */
export class SessionEnded extends NotAuthenticated {
  constructor() {
    super('This session has ended (signed out, or the account was deleted); sign in again');
  }
}

/** No such session among the caller's; another user's answers the same. */
export class SessionNotFound extends DomainError {
  constructor() {
    super(404, 'Session not found');
  }
}


/** A signup with an email that has an account already, in any casing. */
export class EmailTaken extends DomainError {
  constructor() {
    super(409, 'An account with this email already exists');
  }
}

/** Email and password do not match an account; which of the two is wrong is never told. */
export class WrongCredentials extends DomainError {
  constructor() {
    super(401, 'Email or password is incorrect', { headers: BEARER });
  }
}

const inMinutes = (seconds: number) => {
  const minutes = Math.ceil(seconds / 60);
  return `${minutes} minute${minutes === 1 ? '' : 's'}`;
};

/** Too many failed sign-ins for this email: the next attempt is allowed in `retryAfterSeconds`. */
export class SignInLockedOut extends DomainError {
  constructor(readonly retryAfterSeconds: number) {
    super(429, `Too many failed sign-in attempts; try again in ${inMinutes(retryAfterSeconds)}`, { headers: { 'Retry-After': String(retryAfterSeconds) } });
  }
}

/** Too many signups or failed sign-ins from one client address. */
export class TooManyFromAddress extends DomainError {
  constructor(
    readonly retryAfterSeconds: number,
    what: 'signups' | 'failed sign-ins',
  ) {
    super(429, `Too many ${what} from your address; try again in ${inMinutes(retryAfterSeconds)}`, {
      headers: { 'Retry-After': String(retryAfterSeconds) },
    });
  }
}

/** Every password-hashing slot of this process is taken and its queue is full. */
export class HashingBusy extends DomainError {
  constructor() {
    super(503, 'The server is busy checking passwords; try again in a moment', { headers: { 'Retry-After': '1' } });
  }
}
