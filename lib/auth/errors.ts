import 'server-only';

// What authentication and accounts refuse, in the domain's words; lib/http/errors.ts alone turns
// each into a status code and a problem document.

/** No credentials, or credentials that do not prove who is calling. */
export class NotAuthenticated extends Error {
  constructor(reason: string) {
    super(reason);
    this.name = 'NotAuthenticated';
  }
}

/** Valid credentials of an account that no longer exists. */
export class CallerGone extends NotAuthenticated {
  constructor() {
    super('The account of this token no longer exists');
    this.name = 'CallerGone';
  }
}

/** A `{user_id}` in the path that is not the caller's own. */
export class NotYourTasks extends Error {
  constructor() {
    super('You can only access your own tasks');
    this.name = 'NotYourTasks';
  }
}

/** A signup with an email that has an account already, in any casing. */
export class EmailTaken extends Error {
  constructor() {
    super('An account with this email already exists');
    this.name = 'EmailTaken';
  }
}

/** Email and password do not match an account; which of the two is wrong is never told. */
export class WrongCredentials extends Error {
  constructor() {
    super('Email or password is incorrect');
    this.name = 'WrongCredentials';
  }
}

/** Too many failed sign-ins for this email: the next attempt is allowed in `retryAfterSeconds`. */
export class SignInLockedOut extends Error {
  constructor(readonly retryAfterSeconds: number) {
    const minutes = Math.ceil(retryAfterSeconds / 60);
    super(`Too many failed sign-in attempts; try again in ${minutes} minute${minutes === 1 ? '' : 's'}`);
    this.name = 'SignInLockedOut';
  }
}
