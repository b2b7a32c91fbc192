import 'server-only';
import { AccountSchema, NewTokenSchema, SessionSchema, TokenSchema } from '@/lib/account/responses';
import { ChangePasswordBody, CreateTokenBody, DeleteAccountBody, PatchAccountBody, SessionPathParams, TokenPathParams } from '@/lib/account/schemas';
import { PERSONAL_TOKENS_PER_USER_MAX } from '@/lib/limits';
import { AUTH_ERRORS, errors, JSON_TYPE, jsonBody, NO_BODY_ERRORS, NO_CONTENT, NO_STORE, problem, ref, RETRY_AFTER, SERVER_ERRORS, type Json } from '@/lib/openapi/shared';

// The account and sessions routes of the OpenAPI document (lib/openapi/document.ts spreads them
// in): their paths, and the zod schemas it converts into components.

const BODY_ERRORS = errors('BadRequest', 'ContentTooLarge', 'UnsupportedMediaType');

const ok = (description: string, schema: Json) => ({ description, headers: NO_STORE, content: { [JSON_TYPE]: { schema } } });

const wrongPassword = (field: string) =>
  problem(
    `A body value is invalid (\`errors\` lists each bad field), or \`${field}\` is not the account's password (\`errors: [{ "path": "${field}", "message": "is incorrect" }]\`), which counts as a failed sign-in of this email.`,
  );

const LOCKED = problem(
  'Too many failed sign-ins for this email in the last 15 minutes (wrong passwords here count too); nothing was checked.',
  RETRY_AFTER,
);

const SESSIONS_NOTE =
  'Every sign-in (on /login, or `POST /api/auth/token`) is a session. A revoked session\'s cookie or token answers `401` on its very next request, on any server instance.';

export const accountRequestSchemas = { PatchAccountBody, ChangePasswordBody, DeleteAccountBody, SessionId: SessionPathParams.shape.id, CreateTokenBody, TokenId: TokenPathParams.shape.id };
export const accountResponseSchemas = { Account: AccountSchema, Session: SessionSchema, Token: TokenSchema, NewToken: NewTokenSchema };

const TOKENS_NOTE =
  'A personal access token acts for the account within its scopes, on every route its scopes name (`personalToken` in each operation\'s security), until it expires or is revoked; a password change revokes them all. A personal token itself can never reach these routes (`403`).';

export const accountPaths: Json = {
  '/api/{user_id}/account': {
    parameters: [ref('parameters', 'UserId')],
    get: {
      operationId: 'getAccount',
      tags: ['Account'],
      summary: 'Get the account',
      responses: { '200': ok('The account.', ref('schemas', 'Account')), ...AUTH_ERRORS, ...NO_BODY_ERRORS, ...SERVER_ERRORS },
    },
    patch: {
      operationId: 'updateAccount',
      tags: ['Account'],
      summary: 'Change the name or the time zone',
      requestBody: jsonBody('PatchAccountBody'),
      responses: {
        '200': ok('The account, changed.', ref('schemas', 'Account')),
        ...AUTH_ERRORS,
        ...BODY_ERRORS,
        ...errors('ValidationFailed'),
        ...SERVER_ERRORS,
      },
    },
    delete: {
      operationId: 'deleteAccount',
      tags: ['Account'],
      summary: 'Delete the account',
      description:
        'Removes the user and everything of theirs (tasks, sessions, and everything else stored for them) in one transaction. Every session of theirs answers `401` afterwards, and the email can sign up again.',
      requestBody: jsonBody('DeleteAccountBody'),
      responses: {
        '204': NO_CONTENT,
        ...AUTH_ERRORS,
        ...BODY_ERRORS,
        '422': wrongPassword('password'),
        '429': LOCKED,
        ...SERVER_ERRORS,
      },
    },
  },
  '/api/{user_id}/account/password': {
    parameters: [ref('parameters', 'UserId')],
    post: {
      operationId: 'changePassword',
      tags: ['Account'],
      summary: 'Change the password',
      description:
        "Signs out every session of the account, the caller's own too, so that nothing issued under the old password outlives it; the caller goes on with new ones: a new access token in the body (a new session, as `POST /api/auth/token`) and, when the request came with the session cookie, a new session cookie (`Set-Cookie`). `new_password` follows signup's rule.",
      requestBody: jsonBody('ChangePasswordBody'),
      responses: {
        '200': {
          description: 'The password is changed; a token for the new session.',
          headers: {
            ...NO_STORE,
            'Set-Cookie': { description: 'Only for a cookie caller: its new session cookie.', schema: { type: 'string' } },
          },
          content: { [JSON_TYPE]: { schema: ref('schemas', 'TokenResponse') } },
        },
        ...AUTH_ERRORS,
        ...BODY_ERRORS,
        '422': wrongPassword('current_password'),
        '429': LOCKED,
        ...SERVER_ERRORS,
      },
    },
  },
  '/api/{user_id}/sessions': {
    parameters: [ref('parameters', 'UserId')],
    get: {
      operationId: 'listSessions',
      tags: ['Account'],
      summary: 'List the signed-in browsers and clients',
      description: `${SESSIONS_NOTE} Lists the live ones, newest first; \`current\` marks the caller's.`,
      responses: {
        '200': ok('The sessions, newest first.', { type: 'array', items: ref('schemas', 'Session') }),
        ...AUTH_ERRORS, ...NO_BODY_ERRORS,
        ...SERVER_ERRORS,
      },
    },
    delete: {
      operationId: 'endAllSessions',
      tags: ['Account'],
      summary: 'Sign out everywhere',
      description: "Ends every session of the account, the caller's own included.",
      responses: { '204': NO_CONTENT, ...AUTH_ERRORS, ...NO_BODY_ERRORS, ...SERVER_ERRORS },
    },
  },
  '/api/{user_id}/sessions/{id}': {
    parameters: [ref('parameters', 'UserId'), { name: 'id', in: 'path', required: true, schema: ref('schemas', 'SessionId') }],
    delete: {
      operationId: 'endSession',
      tags: ['Account'],
      summary: 'Sign out one session',
      description: 'Ends one session of the caller\'s (the caller\'s own too): its cookie or token answers `401` from now on.',
      responses: {
        '204': NO_CONTENT,
        ...AUTH_ERRORS, ...NO_BODY_ERRORS,
        '404': problem('No such session for this user. A session of another user answers the same: `detail: "Session not found"`.'),
        ...errors('ValidationFailed'),
        ...SERVER_ERRORS,
      },
    },
  },
  '/api/{user_id}/tokens': {
    parameters: [ref('parameters', 'UserId')],
    get: {
      operationId: 'listTokens',
      tags: ['Account'],
      summary: 'List personal access tokens',
      description: `${TOKENS_NOTE} Newest first, expired ones too; never their secrets.`,
      responses: { '200': ok('The tokens, newest first.', { type: 'array', items: ref('schemas', 'Token') }), ...AUTH_ERRORS, ...NO_BODY_ERRORS, ...SERVER_ERRORS },
    },
    post: {
      operationId: 'createToken',
      tags: ['Account'],
      summary: 'Create a personal access token',
      description: `${TOKENS_NOTE} The secret is in \`token\`, this once. At most ${PERSONAL_TOKENS_PER_USER_MAX} per account.`,
      requestBody: jsonBody('CreateTokenBody'),
      responses: {
        '201': {
          description: 'The new token, with its secret.',
          headers: { ...NO_STORE, Location: ref('headers', 'Location') },
          content: { [JSON_TYPE]: { schema: ref('schemas', 'NewToken') } },
        },
        ...AUTH_ERRORS,
        ...BODY_ERRORS,
        '409': problem(`The account has ${PERSONAL_TOKENS_PER_USER_MAX} personal access tokens already.`),
        ...errors('ValidationFailed'),
        ...SERVER_ERRORS,
      },
    },
  },
  '/api/{user_id}/tokens/{id}': {
    parameters: [ref('parameters', 'UserId'), { name: 'id', in: 'path', required: true, schema: ref('schemas', 'TokenId') }],
    delete: {
      operationId: 'revokeToken',
      tags: ['Account'],
      summary: 'Revoke a personal access token',
      description: 'Its very next request answers `401`, on any server instance.',
      responses: {
        '204': NO_CONTENT,
        ...AUTH_ERRORS,
        ...NO_BODY_ERRORS,
        '404': problem('No such token for this user. Another user\'s answers the same.'),
        ...errors('ValidationFailed'),
        ...SERVER_ERRORS,
      },
    },
  },
};
