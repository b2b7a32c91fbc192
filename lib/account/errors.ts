import 'server-only';
import { InvalidFields } from '@/lib/errors';

/** A password that must be the account's own (`current_password`, `password`) is not. */
export class WrongPassword extends InvalidFields {
  constructor(readonly field: string) {
    super([{ path: field, message: 'is incorrect' }]);
  }
}
