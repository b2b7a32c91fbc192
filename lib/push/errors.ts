import 'server-only';
import { DomainError } from '@/lib/errors';

export class PushSubscriptionNotFound extends DomainError {
  constructor() {
    super(404, 'Push subscription not found');
  }
}

/** The server has no VAPID keys: push is off. */
export class PushOff extends DomainError {
  constructor() {
    super(404, 'Web Push is off on this server');
  }
}
