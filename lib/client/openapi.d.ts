// Generated from /api/openapi.json by `npm run openapi:types` (openapi-typescript). Do not edit.

export interface paths {
    "/api/{user_id}/tasks": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                user_id: components["parameters"]["UserId"];
            };
            cookie?: never;
        };
        /**
         * List tasks
         * @description A page of the caller's tasks, as a plain JSON array, in a total and stable order (ties break on `id`). Keyset pagination: a task created or deleted between pages never makes another repeat or vanish. A `cursor` used with other filters or sort answers `422`.
         */
        get: operations["listTasks"];
        put?: never;
        /**
         * Create a task
         * @description The owner is always the caller; `id`, `user_id` and timestamps in the body are ignored. With an `Idempotency-Key`, a retry with the same key and the same body (equal as parsed JSON) within 24 hours answers the first response again and creates nothing; a retry that arrives while the first is still running waits for it and then answers its response; keys are per user.
         */
        post: operations["createTask"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/{user_id}/tasks/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                user_id: components["parameters"]["UserId"];
                id: components["parameters"]["TaskId"];
            };
            cookie?: never;
        };
        /** Get a task */
        get: operations["getTask"];
        /**
         * Replace a task
         * @description `title` is required. A `description` left out keeps its value; `null` clears it. `completed` is never changed by `PUT`, whatever the body holds.
         */
        put: operations["replaceTask"];
        post?: never;
        /** Delete a task */
        delete: operations["deleteTask"];
        options?: never;
        head?: never;
        /**
         * Update some fields of a task
         * @description Changes only the fields the body sends; an empty object answers `422`.
         */
        patch: operations["updateTask"];
        trace?: never;
    };
    "/api/{user_id}/tasks/{id}/complete": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                user_id: components["parameters"]["UserId"];
                id: components["parameters"]["TaskId"];
            };
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /**
         * Flip a task between done and not done
         * @description Flips `completed` in one atomic statement: concurrent toggles never lose an update. Takes no body.
         */
        patch: operations["toggleTaskCompletion"];
        trace?: never;
    };
    "/api/auth/signup": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Create an account */
        post: operations["signUp"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/auth/token": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Get an access token
         * @description Exchanges an email and password for a bearer token. Failed attempts are counted per email over a sliding 15-minute window; while 5 or more are in it, every attempt for that email answers `429` (even with the right password) and is not counted. A successful sign-in clears the count.
         */
        post: operations["createAccessToken"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/auth/csrf": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Get a CSRF token for the sign-in form */
        get: operations["getCsrfToken"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/auth/callback/credentials": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Sign in with a session cookie
         * @description What the `/login` form posts. Same rules and the same per-email limit as `POST /api/auth/token`. Needs the CSRF cookie from `GET /api/auth/csrf`.
         */
        post: operations["signInWithCredentials"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/health": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Is the service up?
         * @description Asks the database for `select 1`, giving up after 2 seconds.
         */
        get: operations["getHealth"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/openapi.json": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * This document
         * @description The OpenAPI 3.1 description of the API, generated from the schemas the routes validate with. [/docs](/docs) renders it.
         */
        get: operations["getOpenApiDocument"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
}
export type webhooks = Record<string, never>;
export interface components {
    schemas: {
        /**
         * Format: uuid
         * @description The caller's own user id; any other value answers 403.
         * @example 5f0c8a53-2c1e-4a8e-9c57-0d3f2b9e4a11
         */
        UserId: string;
        /**
         * Format: uuid
         * @description The id of a task; a value that is not a UUID answers 422.
         * @example 0b6f3c1e-8d4a-4f0e-a7f2-3c9d5e1b2a47
         */
        TaskId: string;
        /**
         * @description Makes a create safe to retry: the same key and body within 24 hours replay the first response; the same key with another body answers 422; a retry while the first is still running waits for it and replays its response.
         * @example 0e3c5d9a-create-milk
         */
        IdempotencyKey: string;
        /**
         * @description A new task. Other fields (id, user_id, timestamps) are ignored.
         * @example {
         *       "title": "Buy milk",
         *       "description": "2 litres",
         *       "completed": false
         *     }
         */
        CreateTaskBody: {
            /**
             * @description Trimmed, then 1 to 500 characters (Unicode code points). No U+0000.
             * @example Buy milk
             */
            title: string;
            /**
             * @description At most 5000 characters (Unicode code points), or null. No U+0000.
             * @example 2 litres, semi-skimmed
             * @example null
             */
            description?: string | null;
            /**
             * @description Defaults to false.
             * @example false
             */
            completed?: boolean;
        };
        /**
         * @description PUT: the title and, optionally, the description. `completed` is ignored, whatever it holds.
         * @example {
         *       "title": "Buy oat milk",
         *       "description": null
         *     }
         */
        ReplaceTaskBody: {
            /**
             * @description Trimmed, then 1 to 500 characters (Unicode code points). No U+0000.
             * @example Buy milk
             */
            title: string;
            /**
             * @description Left out: kept. null: cleared.
             * @example 2 litres, semi-skimmed
             * @example null
             */
            description?: string | null;
        };
        /**
         * @description PATCH: changes only the fields it sends; at least one of title, description, completed.
         * @example {
         *       "completed": true
         *     }
         * @example {
         *       "description": null
         *     }
         */
        PatchTaskBody: {
            /**
             * @description Trimmed, then 1 to 500 characters (Unicode code points). No U+0000.
             * @example Buy milk
             */
            title?: string;
            /**
             * @description At most 5000 characters (Unicode code points), or null. No U+0000.
             * @example 2 litres, semi-skimmed
             * @example null
             */
            description?: string | null;
            /**
             * @description Whether the task is done.
             * @example false
             */
            completed?: boolean;
        };
        /**
         * @description A new account. Fields not named here are ignored.
         * @example {
         *       "email": "ann@example.com",
         *       "password": "correct horse battery staple",
         *       "name": "Ann"
         *     }
         */
        SignupRequest: {
            /**
             * Format: email
             * @description An email address of at most 254 characters. Trimmed and lower-cased, so `Ann@X.io` and `ann@x.io` are one account.
             * @example ann@example.com
             */
            email: string;
            /**
             * Format: password
             * @description 8 to 128 characters (Unicode code points), taken as typed (not trimmed). Stored only as an argon2id hash.
             * @example correct horse battery staple
             */
            password: string;
            /**
             * @description Optional display name, trimmed, at most 100 characters. Left out, null or blank: no name (null).
             * @example Ann
             */
            name?: string | null;
        };
        /**
         * @description Credentials to exchange for an access token. After 5 failed attempts for one email within 15 minutes, every attempt answers 429 until the window passes.
         * @example {
         *       "email": "ann@example.com",
         *       "password": "correct horse battery staple"
         *     }
         */
        TokenRequest: {
            /**
             * Format: email
             * @description An email address of at most 254 characters. Trimmed and lower-cased, so `Ann@X.io` and `ann@x.io` are one account.
             * @example ann@example.com
             */
            email: string;
            /**
             * Format: password
             * @example correct horse battery staple
             */
            password: string;
        };
        /**
         * @description A task of the caller.
         * @example {
         *       "id": "0b6f3c1e-8d4a-4f0e-a7f2-3c9d5e1b2a47",
         *       "user_id": "5f0c8a53-2c1e-4a8e-9c57-0d3f2b9e4a11",
         *       "title": "Buy milk",
         *       "description": null,
         *       "completed": false,
         *       "created_at": "2026-11-21T23:10:00.000Z",
         *       "updated_at": "2026-11-21T23:10:00.000Z"
         *     }
         */
        Task: {
            /** Format: uuid */
            id: string;
            /**
             * Format: uuid
             * @description The owner: always the caller.
             */
            user_id: string;
            title: string;
            description: string | null;
            completed: boolean;
            /**
             * Format: date-time
             * @description UTC, millisecond precision; never changes.
             */
            created_at: string;
            /**
             * Format: date-time
             * @description UTC, millisecond precision; moves forward on every change.
             */
            updated_at: string;
        };
        /**
         * @description An RFC 9457 problem document, sent as `application/problem+json` with every error.
         * @example {
         *       "type": "about:blank",
         *       "title": "Unprocessable Content",
         *       "status": 422,
         *       "detail": "title must be 1-500 characters",
         *       "errors": [
         *         {
         *           "path": "title",
         *           "message": "must be 1-500 characters"
         *         }
         *       ]
         *     }
         */
        ProblemDocument: {
            /**
             * @description Always `about:blank`: the status code says what happened.
             * @example about:blank
             */
            type: string;
            /**
             * @description The reason phrase of the status code.
             * @example Unprocessable Content
             */
            title: string;
            status: number;
            /** @description What went wrong, for people. Never a stack trace, SQL or driver message. */
            detail: string;
            /** @description Present on validation failures (`422`): one entry per bad field. */
            errors?: {
                /** @description Dotted path of the bad field (`title`, `items.0.name`); `''` for the whole body. */
                path: string;
                message: string;
            }[];
        };
        /** @description The new account. Never the password or its hash. */
        SignupResponse: {
            /** Format: uuid */
            id: string;
            /**
             * Format: email
             * @description Trimmed and lower-cased as stored.
             */
            email: string;
            name: string | null;
            /**
             * Format: date-time
             * @description ISO 8601, UTC.
             */
            created_at: string;
        };
        /** @description An access token for the API. */
        TokenResponse: {
            /** @description Send it as `Authorization: Bearer <access_token>`. */
            access_token: string;
            /** @constant */
            token_type: "Bearer";
            /** @description Seconds until the token expires: at most 30 days. */
            expires_in: number;
            user: {
                /** Format: uuid */
                id: string;
                /**
                 * Format: email
                 * @description Trimmed and lower-cased as stored.
                 */
                email: string;
                name: string | null;
            };
        };
        /** @description next-auth's CSRF token: send it back as `csrfToken` with the sign-in form; its cookie must come along. */
        CsrfTokenResponse: {
            csrfToken: string;
        };
        /** @description Plain JSON, not a problem document, in both states: monitors read `status`. */
        Health: {
            /** @constant */
            status: "ok";
            /** @constant */
            database: "ok";
            /** @enum {string} */
            driver: "pglite" | "pg" | "neon";
            /** @description Connections of the pool, where the driver has one. */
            pool?: {
                total: number;
                idle: number;
                waiting: number;
            };
        } | {
            /** @constant */
            status: "unavailable";
            /** @constant */
            database: "unreachable";
            /** @enum {string} */
            driver: "pglite" | "pg" | "neon";
        };
    };
    responses: {
        /** @description The body is not valid JSON (or not valid UTF-8). */
        BadRequest: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": components["schemas"]["ProblemDocument"];
            };
        };
        /** @description Not authenticated: no credentials, or a missing, malformed, tampered, expired or `alg: none` token, or a token whose user no longer exists. */
        Unauthorized: {
            headers: {
                "WWW-Authenticate": components["headers"]["WWW-Authenticate"];
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": components["schemas"]["ProblemDocument"];
            };
        };
        /** @description `{user_id}` is not the caller (also when it is not a UUID). */
        Forbidden: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": components["schemas"]["ProblemDocument"];
            };
        };
        /** @description No such task for this user. A task of another user answers the same: `detail: "Task not found"`. */
        TaskNotFound: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": components["schemas"]["ProblemDocument"];
            };
        };
        /** @description `If-Match` does not match the task's current `ETag`: nothing was changed. */
        PreconditionFailed: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": components["schemas"]["ProblemDocument"];
            };
        };
        /** @description The body is over 64 KiB. */
        ContentTooLarge: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": components["schemas"]["ProblemDocument"];
            };
        };
        /** @description The body is not `application/json`. */
        UnsupportedMediaType: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": components["schemas"]["ProblemDocument"];
            };
        };
        /** @description A path, query or body value is invalid. `errors` has one entry per bad field. */
        ValidationFailed: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": components["schemas"]["ProblemDocument"];
            };
        };
        /** @description An unexpected failure. The answer is generic; the details go to the server log only. */
        InternalError: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": components["schemas"]["ProblemDocument"];
            };
        };
        /** @description The database is unreachable. Answered within about 5 seconds; retry after `Retry-After` seconds. */
        ServiceUnavailable: {
            headers: {
                "Retry-After": components["headers"]["Retry-After"];
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": components["schemas"]["ProblemDocument"];
            };
        };
        /** @description This path does not support the method. Answered before any other check. */
        MethodNotAllowed: {
            headers: {
                Allow: components["headers"]["Allow"];
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": components["schemas"]["ProblemDocument"];
            };
        };
    };
    parameters: {
        UserId: components["schemas"]["UserId"];
        TaskId: components["schemas"]["TaskId"];
        /** @description The task's `ETag` from an earlier response. If the task has changed since, the answer is `412` and nothing changes. */
        IfMatch: string;
        /** @description The task's `ETag` from an earlier response. If it still matches, the answer is `304` with no body. */
        IfNoneMatch: string;
        IdempotencyKey: components["schemas"]["IdempotencyKey"];
    };
    requestBodies: never;
    headers: {
        /** @description `no-store` on every response that carries user data, and on errors. */
        "Cache-Control": string;
        /** @description The version of this task. Send it back in `If-Match` (to change only this version) or `If-None-Match`. */
        ETag: string;
        /** @description The URL of the new task. */
        Location: string;
        /** @description `true` when this is the stored first response to an earlier request with the same `Idempotency-Key`. */
        "Idempotent-Replayed": "true";
        /** @description Present while more tasks remain: `<…?cursor=…>; rel="next"`. The URL repeats the filters, sort and limit of this request. */
        Link: string;
        /** @description How many tasks match the filters, over all pages. */
        "X-Total-Count": number;
        /** @description Seconds to wait before trying again. */
        "Retry-After": number;
        /** @description The scheme to authenticate with. */
        "WWW-Authenticate": string;
        /** @description The methods this path supports. */
        Allow: string;
    };
    pathItems: never;
}
export type $defs = Record<string, never>;
export interface operations {
    listTasks: {
        parameters: {
            query?: {
                /** @description Only tasks in this state. */
                completed?: boolean;
                /** @description Case-insensitive substring of the title or the description. */
                q?: string;
                /** @description Titles sort case-insensitively; ties break on id. */
                sort?: "created_at" | "updated_at" | "title";
                order?: "asc" | "desc";
                /** @description Page size. */
                limit?: number;
                /** @description Opaque: taken from the `Link: <…>; rel="next"` header of the previous page, with the same filters and sort (else 422). */
                cursor?: string;
            };
            header?: never;
            path: {
                user_id: components["parameters"]["UserId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The page of tasks. */
            200: {
                headers: {
                    "X-Total-Count": components["headers"]["X-Total-Count"];
                    Link: components["headers"]["Link"];
                    "Cache-Control": components["headers"]["Cache-Control"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Task"][];
                };
            };
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            422: components["responses"]["ValidationFailed"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    createTask: {
        parameters: {
            query?: never;
            header?: {
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
            };
            path: {
                user_id: components["parameters"]["UserId"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateTaskBody"];
            };
        };
        responses: {
            /** @description The new task (or, for a repeated `Idempotency-Key`, the first response again). */
            201: {
                headers: {
                    ETag: components["headers"]["ETag"];
                    "Cache-Control": components["headers"]["Cache-Control"];
                    Location: components["headers"]["Location"];
                    "Idempotent-Replayed": components["headers"]["Idempotent-Replayed"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Task"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            /** @description Rare: the `Idempotency-Key` expired and was taken by another request while this one waited for it; retry. No second task is created. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDocument"];
                };
            };
            413: components["responses"]["ContentTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            /** @description A body value is invalid (`errors` lists each bad field), or the `Idempotency-Key` is malformed or was used with a different body. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDocument"];
                };
            };
            500: components["responses"]["InternalError"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    getTask: {
        parameters: {
            query?: never;
            header?: {
                /** @description The task's `ETag` from an earlier response. If it still matches, the answer is `304` with no body. */
                "If-None-Match"?: components["parameters"]["IfNoneMatch"];
            };
            path: {
                user_id: components["parameters"]["UserId"];
                id: components["parameters"]["TaskId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The task. */
            200: {
                headers: {
                    ETag: components["headers"]["ETag"];
                    "Cache-Control": components["headers"]["Cache-Control"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Task"];
                };
            };
            /** @description `If-None-Match` matches: the task has not changed. No body. */
            304: {
                headers: {
                    ETag: components["headers"]["ETag"];
                    "Cache-Control": components["headers"]["Cache-Control"];
                    [name: string]: unknown;
                };
                content?: never;
            };
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["TaskNotFound"];
            422: components["responses"]["ValidationFailed"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    replaceTask: {
        parameters: {
            query?: never;
            header?: {
                /** @description The task's `ETag` from an earlier response. If the task has changed since, the answer is `412` and nothing changes. */
                "If-Match"?: components["parameters"]["IfMatch"];
            };
            path: {
                user_id: components["parameters"]["UserId"];
                id: components["parameters"]["TaskId"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ReplaceTaskBody"];
            };
        };
        responses: {
            /** @description The updated task. */
            200: {
                headers: {
                    ETag: components["headers"]["ETag"];
                    "Cache-Control": components["headers"]["Cache-Control"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Task"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["TaskNotFound"];
            412: components["responses"]["PreconditionFailed"];
            413: components["responses"]["ContentTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["ValidationFailed"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    deleteTask: {
        parameters: {
            query?: never;
            header?: {
                /** @description The task's `ETag` from an earlier response. If the task has changed since, the answer is `412` and nothing changes. */
                "If-Match"?: components["parameters"]["IfMatch"];
            };
            path: {
                user_id: components["parameters"]["UserId"];
                id: components["parameters"]["TaskId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Deleted. Empty body. */
            204: {
                headers: {
                    "Cache-Control": components["headers"]["Cache-Control"];
                    [name: string]: unknown;
                };
                content?: never;
            };
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["TaskNotFound"];
            412: components["responses"]["PreconditionFailed"];
            422: components["responses"]["ValidationFailed"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    updateTask: {
        parameters: {
            query?: never;
            header?: {
                /** @description The task's `ETag` from an earlier response. If the task has changed since, the answer is `412` and nothing changes. */
                "If-Match"?: components["parameters"]["IfMatch"];
            };
            path: {
                user_id: components["parameters"]["UserId"];
                id: components["parameters"]["TaskId"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["PatchTaskBody"];
            };
        };
        responses: {
            /** @description The updated task. */
            200: {
                headers: {
                    ETag: components["headers"]["ETag"];
                    "Cache-Control": components["headers"]["Cache-Control"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Task"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["TaskNotFound"];
            412: components["responses"]["PreconditionFailed"];
            413: components["responses"]["ContentTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["ValidationFailed"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    toggleTaskCompletion: {
        parameters: {
            query?: never;
            header?: {
                /** @description The task's `ETag` from an earlier response. If the task has changed since, the answer is `412` and nothing changes. */
                "If-Match"?: components["parameters"]["IfMatch"];
            };
            path: {
                user_id: components["parameters"]["UserId"];
                id: components["parameters"]["TaskId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The task, with `completed` flipped. */
            200: {
                headers: {
                    ETag: components["headers"]["ETag"];
                    "Cache-Control": components["headers"]["Cache-Control"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Task"];
                };
            };
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["TaskNotFound"];
            412: components["responses"]["PreconditionFailed"];
            422: components["responses"]["ValidationFailed"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    signUp: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["SignupRequest"];
            };
        };
        responses: {
            /** @description The new account. */
            201: {
                headers: {
                    "Cache-Control": components["headers"]["Cache-Control"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SignupResponse"];
                };
            };
            400: components["responses"]["BadRequest"];
            /** @description This email is already registered (the only answer that may reveal it). */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDocument"];
                };
            };
            413: components["responses"]["ContentTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["ValidationFailed"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    createAccessToken: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["TokenRequest"];
            };
        };
        responses: {
            /** @description The access token. */
            200: {
                headers: {
                    "Cache-Control": components["headers"]["Cache-Control"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TokenResponse"];
                };
            };
            400: components["responses"]["BadRequest"];
            /** @description Unknown email or wrong password: the same answer for both, in about the same time. */
            401: {
                headers: {
                    "WWW-Authenticate": components["headers"]["WWW-Authenticate"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDocument"];
                };
            };
            413: components["responses"]["ContentTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["ValidationFailed"];
            /** @description Too many failed attempts for this email in the last 15 minutes. */
            429: {
                headers: {
                    "Retry-After": components["headers"]["Retry-After"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDocument"];
                };
            };
            500: components["responses"]["InternalError"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    getCsrfToken: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The token; the response also sets the CSRF cookie that must accompany it. */
            200: {
                headers: {
                    /** @description next-auth's CSRF cookie. */
                    "Set-Cookie"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CsrfTokenResponse"];
                };
            };
        };
    };
    signInWithCredentials: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/x-www-form-urlencoded": components["schemas"]["TokenRequest"] & {
                    /** @description From `GET /api/auth/csrf`. */
                    csrfToken: string;
                    /** @description Where to go after signing in. */
                    callbackUrl?: string;
                };
            };
        };
        responses: {
            /** @description A redirect. On success it sets the session cookie (`authjs.session-token`, `__Secure-authjs.session-token` over https); on failure it sets none and the redirect's URL carries `error=CredentialsSignin`, plus `code=locked:<seconds>` while the per-email limit refuses sign-ins. */
            302: {
                headers: {
                    Location?: string;
                    "Set-Cookie"?: string;
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    getHealth: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The service and its database answer. */
            200: {
                headers: {
                    "Cache-Control": components["headers"]["Cache-Control"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Health"];
                };
            };
            /** @description The database did not answer within 2 seconds (`status: "unavailable"`). */
            503: {
                headers: {
                    "Retry-After": components["headers"]["Retry-After"];
                    "Cache-Control": components["headers"]["Cache-Control"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Health"];
                };
            };
        };
    };
    getOpenApiDocument: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The document. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": Record<string, never>;
                };
            };
            /** @description `If-None-Match` matches: the document has not changed. */
            304: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
}
