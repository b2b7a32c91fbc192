import 'server-only';
import { z } from 'zod';

export const CalendarFeedSchema = z
  .object({
    url: z.url().meta({
      description: 'The secret address to subscribe to (`/api/calendar/<secret>.ics`). Shown once: only its hash is stored. It needs no other credential, so keep it private.',
    }),
  })
  .meta({ id: 'CalendarFeed', description: "The caller's calendar feed." });

export type CalendarFeedJson = z.infer<typeof CalendarFeedSchema>;

/** The feed's address on the origin the request came to. */
export const calendarFeedUrl = (request: Request, secret: string): string => new URL(`/api/calendar/${secret}.ics`, request.url).toString();
