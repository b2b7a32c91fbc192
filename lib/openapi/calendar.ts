import 'server-only';
import { CalendarFeedSchema } from '@/lib/calendar/responses';
import { AUTH_ERRORS, JSON_TYPE, NO_BODY_ERRORS, NO_CONTENT, NO_STORE, problem, ref, SERVER_ERRORS, type Json } from '@/lib/openapi/shared';

// The calendar feed's routes of the OpenAPI document (lib/openapi/document.ts spreads them in).

export const calendarResponseSchemas = { CalendarFeed: CalendarFeedSchema };

export const calendarPaths: Json = {
  '/api/{user_id}/calendar-feed': {
    parameters: [ref('parameters', 'UserId')],
    post: {
      operationId: 'openCalendarFeed',
      tags: ['Calendar'],
      summary: 'Turn the calendar feed on, or give it a new address',
      description:
        'Answers a new secret address; the previous one, if any, answers `404` from now on. The address lists every open task with a due date the caller sees (their Inbox and their projects), in the account\'s time zone. A password change turns the feed off.',
      responses: {
        '201': { description: 'The new address (shown this once).', headers: NO_STORE, content: { [JSON_TYPE]: { schema: ref('schemas', 'CalendarFeed') } } },
        ...AUTH_ERRORS,
        ...NO_BODY_ERRORS,
        ...SERVER_ERRORS,
      },
    },
    delete: {
      operationId: 'closeCalendarFeed',
      tags: ['Calendar'],
      summary: 'Turn the calendar feed off',
      description: 'Its address answers `404` from now on. Already off: the same answer.',
      responses: { '204': NO_CONTENT, ...AUTH_ERRORS, ...NO_BODY_ERRORS, ...SERVER_ERRORS },
    },
  },
  '/api/calendar/{file}': {
    parameters: [
      {
        name: 'file',
        in: 'path',
        required: true,
        description: 'The secret and `.ics`, as `POST /api/{user_id}/calendar-feed` answered it.',
        schema: { type: 'string', pattern: '^[A-Za-z0-9_-]{43}\\.ics$' },
      },
    ],
    get: {
      operationId: 'getCalendarFeed',
      tags: ['Calendar'],
      summary: 'The calendar feed (iCalendar)',
      description:
        'The secret address is the only credential (calendar apps send no other). One `VEVENT` per open task with a due date: `UID` the task\'s id, `SUMMARY` its title, `DESCRIPTION` its description; all-day for a date alone, timed in the account\'s time zone (with its `VTIMEZONE`) for a date and time; an `RRULE` for a repeating task. Honours `If-None-Match`.',
      security: [],
      responses: {
        '200': {
          description: 'The calendar (RFC 5545).',
          headers: {
            ETag: { description: 'The version of this calendar.', schema: { type: 'string' } },
            'Cache-Control': { description: '`private, no-cache`.', schema: { type: 'string' } },
          },
          content: { 'text/calendar': { schema: { type: 'string' } } },
        },
        '304': { description: '`If-None-Match` names the current version. Empty body.' },
        '404': problem('No feed has this address: it was turned off, replaced, or never was.'),
        ...NO_BODY_ERRORS,
        ...SERVER_ERRORS,
      },
    },
  },
};
