import 'server-only';
import { DomainError } from '@/lib/errors';

/** The `{user_id}` of an `/api/{user_id}/…` path is not the caller: the `403` of every such route. */
export class NotTheCaller extends DomainError {
  constructor() {
    super(403, 'You can only access your own data: {user_id} must be your own id');
  }
}
