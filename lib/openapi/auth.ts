import 'server-only';
import { SignupRequest, TokenRequest } from '@/lib/auth/schemas';
import { MAX_FORM_BYTES } from '@/lib/http/body';
import { BrowserSessionResponse, CsrfTokenResponse, SignupResponse, TokenResponse } from '@/lib/openapi/responses';
import { errors, hashingOrDatabaseUnavailable, JSON_TYPE, jsonBody, NO_STORE, problem, ref, tooManyAttempts, type Json } from '@/lib/openapi/shared';

// Signup, access tokens and next-auth's browser sign-in in the OpenAPI document: their paths,
// and the zod schemas document.ts turns into components.

export const authRequestSchemas = { SignupRequest, TokenRequest };
export const authResponseSchemas = { SignupResponse, TokenResponse, CsrfTokenResponse, BrowserSession: BrowserSessionResponse };

export const SESSION_COOKIE = 'authjs.session-token';

// The answers of next-auth's form posts (sign-in and sign-out) besides their errors.
const REDIRECT_HEADERS = { Location: { schema: { type: 'string' } }, 'Set-Cookie': { schema: { type: 'string' } } };
const REDIRECT_AS_JSON = {
  description: 'With `X-Auth-Return-Redirect: 1`, the same outcome as JSON: where the redirect would go.',
  content: { [JSON_TYPE]: { schema: { type: 'object', properties: { url: { type: 'string' } }, required: ['url'] } } },
};
const FORM_TOO_LARGE = problem(`The form is over ${MAX_FORM_BYTES / 1024} KiB.`);

export const authPaths: Record<string, Json> = {
  '/api/auth/signup': {
    post: {
      operationId: 'signUp',
      tags: ['Accounts'],
      summary: 'Create an account',
      security: [],
      requestBody: jsonBody('SignupRequest'),
      responses: {
        '201': {
          description: 'The new account.',
          headers: NO_STORE,
          content: { [JSON_TYPE]: { schema: ref('schemas', 'SignupResponse') } },
        },
        ...errors('BadRequest'),
        '409': problem('This email is already registered (the only answer that may reveal it).'),
        ...errors('ContentTooLarge', 'UnsupportedMediaType', 'ValidationFailed'),
        '429': tooManyAttempts('Too many signups from this client address in the last hour (`SIGNUP_LIMIT_PER_HOUR`, 10 by default).'),
        ...errors('InternalError'),
        '503': hashingOrDatabaseUnavailable,
      },
    },
  },
  '/api/auth/token': {
    post: {
      operationId: 'createAccessToken',
      tags: ['Accounts'],
      summary: 'Get an access token',
      description:
        'Exchanges an email and password for a bearer token. Failed attempts are counted per email over a sliding 15-minute window; while 5 or more are in it, every attempt for that email answers `429` (even with the right password) and is not counted. A successful sign-in clears the count.',
      security: [],
      requestBody: jsonBody('TokenRequest'),
      responses: {
        '200': {
          description: 'The access token.',
          headers: NO_STORE,
          content: { [JSON_TYPE]: { schema: ref('schemas', 'TokenResponse') } },
        },
        ...errors('BadRequest'),
        '401': problem('Unknown email or wrong password: the same answer for both, in about the same time.', {
          'WWW-Authenticate': ref('headers', 'WWW-Authenticate'),
        }),
        ...errors('ContentTooLarge', 'UnsupportedMediaType', 'ValidationFailed'),
        '429': tooManyAttempts(
          'Too many failed attempts for this email in the last 15 minutes, or from this client address across all emails (`FAILED_SIGNIN_LIMIT_PER_15_MIN`, 100 by default).',
        ),
        ...errors('InternalError'),
        '503': hashingOrDatabaseUnavailable,
      },
    },
  },
  '/api/auth/csrf': {
    get: {
      operationId: 'getCsrfToken',
      tags: ['Browser session'],
      summary: 'Get a CSRF token for the sign-in form',
      security: [],
      responses: {
        '200': {
          description: 'The token; the response also sets the CSRF cookie that must accompany it.',
          headers: { 'Set-Cookie': { description: "next-auth's CSRF cookie.", schema: { type: 'string' } } },
          content: { [JSON_TYPE]: { schema: ref('schemas', 'CsrfTokenResponse') } },
        },
        ...errors('ContentTooLarge'),
      },
    },
  },
  '/api/auth/session': {
    get: {
      operationId: 'getBrowserSession',
      tags: ['Browser session'],
      summary: "Who the browser's session cookie is",
      description:
        'A cookie whose session has ended answers `null`, and the response clears it (`Set-Cookie` with `Max-Age=0`); a live one is refreshed.',
      security: [],
      responses: {
        '200': {
          description: 'The session, or null.',
          headers: { 'Set-Cookie': { description: 'The session cookie, refreshed or cleared.', schema: { type: 'string' } } },
          content: { [JSON_TYPE]: { schema: ref('schemas', 'BrowserSession') } },
        },
        ...errors('ContentTooLarge'),
      },
    },
  },
  '/api/auth/signout': {
    post: {
      operationId: 'signOutBrowser',
      tags: ['Browser session'],
      summary: 'Sign the browser out',
      description:
        "What the app's Sign out button posts. Ends the cookie's session on the server too: a copy of the old cookie answers `401` from then on. Needs the CSRF cookie from `GET /api/auth/csrf`.",
      security: [],
      requestBody: {
        required: true,
        content: {
          'application/x-www-form-urlencoded': {
            schema: {
              type: 'object',
              properties: {
                csrfToken: { type: 'string', description: 'From `GET /api/auth/csrf`.' },
                callbackUrl: { type: 'string', description: 'Where to go afterwards: a path or a URL of this site (anything else goes to `/login`).' },
              },
              required: ['csrfToken'],
            },
          },
        },
      },
      responses: {
        '302': {
          description: 'A redirect; the session cookie is cleared (`Set-Cookie` with `Max-Age=0`).',
          headers: REDIRECT_HEADERS,
        },
        '200': REDIRECT_AS_JSON,
        '413': FORM_TOO_LARGE,
      },
    },
  },
  '/api/auth/callback/credentials': {
    post: {
      operationId: 'signInWithCredentials',
      tags: ['Browser session'],
      summary: 'Sign in with a session cookie',
      description:
        'What the `/login` form posts. Same rules and the same per-email limit as `POST /api/auth/token`. Needs the CSRF cookie from `GET /api/auth/csrf`.',
      security: [],
      requestBody: {
        required: true,
        content: {
          'application/x-www-form-urlencoded': {
            schema: {
              allOf: [
                ref('schemas', 'TokenRequest'),
                {
                  type: 'object',
                  properties: {
                    csrfToken: { type: 'string', description: 'From `GET /api/auth/csrf`.' },
                    callbackUrl: { type: 'string', description: 'Where to go after signing in.' },
                  },
                  required: ['csrfToken'],
                },
              ],
            },
          },
        },
      },
      responses: {
        '302': {
          description: `A redirect. On success it sets the session cookie (\`${SESSION_COOKIE}\`, \`__Secure-${SESSION_COOKIE}\` over https); on failure it sets none and the redirect's URL carries \`error=CredentialsSignin\`, plus \`code=locked:<seconds>\` while the per-email limit refuses sign-ins.`,
          headers: REDIRECT_HEADERS,
        },
        '200': REDIRECT_AS_JSON,
        '413': FORM_TOO_LARGE,
        '429': tooManyAttempts(
          'The email is locked by its failed attempts, or this client address has too many failed sign-ins: answered before next-auth runs, instead of its redirect.',
        ),
        '503': hashingOrDatabaseUnavailable,
      },
    },
  },
};
