import 'server-only';
import { DomainError } from '@/lib/errors';

/** A calendar address that is not (or no longer) a feed's: turned off, replaced, or made up. */
export class CalendarFeedNotFound extends DomainError {
  constructor() {
    super(404, 'No calendar feed has this address; turn the feed on again in Settings for a new one');
  }
}
