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
         * @description A page of the tasks the caller sees (their Inbox and the projects they are a member of; `project` narrows it to one), as a plain JSON array, in a total and stable order (ties break on `id`). Keyset pagination: a task created or deleted between pages never makes another repeat or vanish. A `cursor` used with other filters or sort answers `422`.
         */
        get: operations["listTasks"];
        put?: never;
        /**
         * Create a task
         * @description The creator (`user_id`) is always the caller; `id`, `user_id` and timestamps in the body are ignored. Without `project_id` the task goes to the caller's Inbox; with `parent_id` alone, to its parent's list; at the top of that list's manual order. With an `Idempotency-Key`, a retry with the same key and the same body (equal as parsed JSON) within 24 hours answers the first response again and creates nothing; a retry that arrives while the first is still running waits for it and then answers its response; keys are per user.
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
         * @description `title` is required. A `description` left out keeps its value; `null` clears it. `completed` is never changed by `PUT`, whatever the body holds. A new `project_id` moves the task, with its subtasks, to the top of that list.
         */
        put: operations["replaceTask"];
        post?: never;
        /** Delete a task */
        delete: operations["deleteTask"];
        options?: never;
        head?: never;
        /**
         * Update some fields of a task
         * @description Changes only the fields the body sends; an empty object answers `422`. A new `project_id` moves the task, with its subtasks, to the top of that list (it leaves its parent unless `parent_id` names one there). Completing a task completes its open subtasks in the same statement; completing a repeating one moves its date and reopens them.
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
         * @description Flips `completed` in one atomic statement: concurrent toggles never lose an update. Completing a task completes its open subtasks in the same statement; a repeating task moves to its next occurrence and its subtasks reopen. Takes no body.
         */
        patch: operations["toggleTaskCompletion"];
        trace?: never;
    };
    "/api/{user_id}/tasks/{id}/move": {
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
        /**
         * Move a task in the manual order
         * @description Puts the task just above (`before`) or below (`after`) another task of its list (the Inbox or its project), or at the top or bottom (`to`) of its list; list with `sort=position` to see the order. Concurrent moves always leave every task once, with distinct positions; no move is refused for lack of room.
         */
        post: operations["moveTask"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/{user_id}/projects": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                user_id: components["parameters"]["UserId"];
            };
            cookie?: never;
        };
        /**
         * List projects
         * @description Every project the caller owns or is a member of, in the caller's sidebar order (`position`). The Inbox is not a project: it is the tasks with `project_id: null`.
         */
        get: operations["listProjects"];
        put?: never;
        /**
         * Create a project
         * @description The caller is its owner; it goes to the end of their sidebar.
         */
        post: operations["createProject"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/{user_id}/projects/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                user_id: components["parameters"]["UserId"];
                id: components["schemas"]["ProjectId"];
            };
            cookie?: never;
        };
        /** Get a project */
        get: operations["getProject"];
        put?: never;
        post?: never;
        /**
         * Delete a project and its tasks
         * @description Its owner only. The project and every task in it go in one transaction; the changes feed reports them deleted.
         */
        delete: operations["deleteProject"];
        options?: never;
        head?: never;
        /**
         * Rename or recolour a project
         * @description Its owner or an editor.
         */
        patch: operations["updateProject"];
        trace?: never;
    };
    "/api/{user_id}/projects/{id}/move": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                user_id: components["parameters"]["UserId"];
                id: components["schemas"]["ProjectId"];
            };
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Move a project in the caller's sidebar
         * @description Puts the project just above (`before`) or below (`after`) another of the caller's projects, or at the top or bottom (`to`) of the caller's own sidebar; each member orders theirs. Concurrent moves always leave every project once, with distinct positions.
         */
        post: operations["moveProject"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/{user_id}/projects/{id}/members": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                user_id: components["parameters"]["UserId"];
                id: components["schemas"]["ProjectId"];
            };
            cookie?: never;
        };
        /**
         * List a project's members
         * @description Any member sees every member, longest-standing first. `{member_id}` in the routes below is a member's `user_id`.
         */
        get: operations["listMembers"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/{user_id}/projects/{id}/members/{member_id}": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                user_id: components["parameters"]["UserId"];
                id: components["schemas"]["ProjectId"];
                member_id: components["schemas"]["MemberId"];
            };
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /**
         * Remove a member, or leave
         * @description The owner removes any other member; any member removes themself (leaves). They lose the project and its tasks on their next request, and are unassigned from its tasks. The owner cannot leave (`422`): they hand the project over first.
         */
        delete: operations["removeMember"];
        options?: never;
        head?: never;
        /**
         * Change a member's role, or hand the project over
         * @description The owner only. `role: "owner"` hands the project over: the member becomes its owner and the caller an editor. The owner's own role changes only by a hand-over (`422`).
         */
        patch: operations["updateMember"];
        trace?: never;
    };
    "/api/{user_id}/projects/{id}/invitations": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                user_id: components["parameters"]["UserId"];
                id: components["schemas"]["ProjectId"];
            };
            cookie?: never;
        };
        /**
         * List a project's pending invitations
         * @description The owner only; expired invitations are not listed.
         */
        get: operations["listProjectInvitations"];
        put?: never;
        /**
         * Invite someone by email
         * @description The owner only. The answer is the same whether or not the email has an account: an invitation waits for its email to sign up, for 14 days. Where the server has SMTP, the invitee gets an email; they accept or decline in the app or by API.
         */
        post: operations["createInvitation"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/{user_id}/projects/{id}/invitations/{inv_id}": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                user_id: components["parameters"]["UserId"];
                id: components["schemas"]["ProjectId"];
                inv_id: components["schemas"]["InvitationId"];
            };
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /**
         * Cancel a pending invitation
         * @description The owner only.
         */
        delete: operations["cancelInvitation"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/{user_id}/invitations": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                user_id: components["parameters"]["UserId"];
            };
            cookie?: never;
        };
        /**
         * List the invitations addressed to the caller
         * @description The pending invitations to the caller's email, oldest first. A new one also arrives on the event stream as `event: invitation`.
         */
        get: operations["listMyInvitations"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/{user_id}/invitations/{inv_id}/accept": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                user_id: components["parameters"]["UserId"];
                inv_id: components["schemas"]["InvitationId"];
            };
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Accept an invitation
         * @description The caller becomes a member with the invitation's role; the project goes to the end of their sidebar, and its tasks arrive in their changes feed.
         */
        post: operations["acceptInvitation"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/{user_id}/invitations/{inv_id}/decline": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                user_id: components["parameters"]["UserId"];
                inv_id: components["schemas"]["InvitationId"];
            };
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Decline an invitation */
        post: operations["declineInvitation"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/{user_id}/labels": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                user_id: components["parameters"]["UserId"];
            };
            cookie?: never;
        };
        /**
         * List labels
         * @description The caller's labels, by name case-insensitively, each with the number of the caller's tasks that carry it.
         */
        get: operations["listLabels"];
        put?: never;
        /** Create a label */
        post: operations["createLabel"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/{user_id}/labels/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                user_id: components["parameters"]["UserId"];
                id: components["schemas"]["LabelId"];
            };
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /**
         * Delete a label
         * @description Its tasks stay, without it.
         */
        delete: operations["deleteLabel"];
        options?: never;
        head?: never;
        /**
         * Rename or recolour a label
         * @description A rename shows at once on every task that carries the label (and moves their `updated_at`).
         */
        patch: operations["updateLabel"];
        trace?: never;
    };
    "/api/{user_id}/account": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                user_id: components["parameters"]["UserId"];
            };
            cookie?: never;
        };
        /** Get the account */
        get: operations["getAccount"];
        put?: never;
        post?: never;
        /**
         * Delete the account
         * @description Removes the user and everything of theirs (tasks, sessions, and everything else stored for them) in one transaction. Every session of theirs answers `401` afterwards, and the email can sign up again.
         */
        delete: operations["deleteAccount"];
        options?: never;
        head?: never;
        /** Change the name or the time zone */
        patch: operations["updateAccount"];
        trace?: never;
    };
    "/api/{user_id}/account/password": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                user_id: components["parameters"]["UserId"];
            };
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Change the password
         * @description Signs out every session of the account, the caller's own too, so that nothing issued under the old password outlives it; the caller goes on with new ones: a new access token in the body (a new session, as `POST /api/auth/token`) and, when the request came with the session cookie, a new session cookie (`Set-Cookie`). `new_password` follows signup's rule.
         */
        post: operations["changePassword"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/{user_id}/sessions": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                user_id: components["parameters"]["UserId"];
            };
            cookie?: never;
        };
        /**
         * List the signed-in browsers and clients
         * @description Every sign-in (on /login, or `POST /api/auth/token`) is a session. A revoked session's cookie or token answers `401` on its very next request, on any server instance. Lists the live ones, newest first; `current` marks the caller's.
         */
        get: operations["listSessions"];
        put?: never;
        post?: never;
        /**
         * Sign out everywhere
         * @description Ends every session of the account, the caller's own included.
         */
        delete: operations["endAllSessions"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/{user_id}/sessions/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                user_id: components["parameters"]["UserId"];
                id: components["schemas"]["SessionId"];
            };
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /**
         * Sign out one session
         * @description Ends one session of the caller's (the caller's own too): its cookie or token answers `401` from now on.
         */
        delete: operations["endSession"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/{user_id}/tokens": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                user_id: components["parameters"]["UserId"];
            };
            cookie?: never;
        };
        /**
         * List personal access tokens
         * @description A personal access token acts for the account within its scopes, on every route its scopes name (`personalToken` in each operation's security), until it expires or is revoked; a password change revokes them all. A personal token itself can never reach these routes (`403`). Newest first, expired ones too; never their secrets.
         */
        get: operations["listTokens"];
        put?: never;
        /**
         * Create a personal access token
         * @description A personal access token acts for the account within its scopes, on every route its scopes name (`personalToken` in each operation's security), until it expires or is revoked; a password change revokes them all. A personal token itself can never reach these routes (`403`). The secret is in `token`, this once. At most 50 per account.
         */
        post: operations["createToken"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/{user_id}/tokens/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                user_id: components["parameters"]["UserId"];
                id: components["schemas"]["TokenId"];
            };
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /**
         * Revoke a personal access token
         * @description Its very next request answers `401`, on any server instance.
         */
        delete: operations["revokeToken"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/{user_id}/calendar-feed": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                user_id: components["parameters"]["UserId"];
            };
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Turn the calendar feed on, or give it a new address
         * @description Answers a new secret address; the previous one, if any, answers `404` from now on. The address lists every open task with a due date the caller sees (their Inbox and their projects), in the account's time zone. A password change turns the feed off.
         */
        post: operations["openCalendarFeed"];
        /**
         * Turn the calendar feed off
         * @description Its address answers `404` from now on. Already off: the same answer.
         */
        delete: operations["closeCalendarFeed"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/calendar/{file}": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The secret and `.ics`, as `POST /api/{user_id}/calendar-feed` answered it. */
                file: string;
            };
            cookie?: never;
        };
        /**
         * The calendar feed (iCalendar)
         * @description The secret address is the only credential (calendar apps send no other). One `VEVENT` per open task with a due date: `UID` the task's id, `SUMMARY` its title, `DESCRIPTION` its description; all-day for a date alone, timed in the account's time zone (with its `VTIMEZONE`) for a date and time; an `RRULE` for a repeating task. Honours `If-None-Match`.
         */
        get: operations["getCalendarFeed"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/{user_id}/notifications": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                user_id: components["parameters"]["UserId"];
            };
            cookie?: never;
        };
        /**
         * List notifications
         * @description The caller's notifications, newest first: a reminder that fired, an invitation to a project, a task someone else assigned to the caller. The event stream sends `event: notification` when one arrives.
         */
        get: operations["listNotifications"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/{user_id}/notifications/read": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                user_id: components["parameters"]["UserId"];
            };
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Mark notifications read
         * @description The named ones, or all. Ids that are not the caller's notifications are ignored.
         */
        post: operations["markNotificationsRead"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/push/key": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The server's Web Push key
         * @description The VAPID public key to pass to `pushManager.subscribe()` as `applicationServerKey`. No authentication.
         */
        get: operations["getPushKey"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/{user_id}/push-subscriptions": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                user_id: components["parameters"]["UserId"];
            };
            cookie?: never;
        };
        /** List the caller's push subscriptions */
        get: operations["listPushSubscriptions"];
        put?: never;
        /**
         * Push notifications to this browser
         * @description Every notification of the caller is pushed, encrypted, to each of their subscriptions. The subscription belongs to the session that makes it: signing that session out, revoking it or deleting the account drops it (an expiry does not). The same endpoint again replaces the old subscription. The endpoint must be `https://` to a public address, checked after resolving its name (a server started with `PUSH_ALLOW_PRIVATE_ENDPOINTS=1`, for tests, also takes `http://` and private addresses).
         */
        post: operations["createPushSubscription"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/{user_id}/push-subscriptions/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                user_id: components["parameters"]["UserId"];
                id: string;
            };
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Stop pushing to a browser */
        delete: operations["deletePushSubscription"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/{user_id}/export": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                user_id: components["parameters"]["UserId"];
            };
            cookie?: never;
        };
        /**
         * Export all tasks, labels and projects
         * @description A download of the caller's labels, projects (those they are a member of, in their sidebar order, by name) and the tasks of those lists: the Inbox first, then each project in sidebar order, each list in its manual order. A subtask names its parent by its place in the file. It streams, page by page of each list, so an account of any size exports in constant memory; a task moved while the export runs may appear at its old or its new place, and a change that would make a subtask's `parent` point at another task stops the download (the file is cut short: retry). JSON: `ExportDocument`. CSV: `text/csv` (RFC 4180, UTF-8, CRLF), one row per task under the header `title,description,completed,due_date,due_time,priority,labels,repeat,created_at,project,parent`: `labels` joined with `;` (a `;` or `\` inside a name escaped with `\`, so every name reads back as it was), `repeat` as `week` or `week/2` (every/interval), `project` the project's name (empty: the Inbox), `parent` the row of the task's parent as `row 5` (the header is row 1), empty cells for null. A cell that begins with `=`, `+`, `-`, `@`, tab or carriage return (optionally after quotes) gets a leading `'` so that spreadsheets show it as text; import takes that quote off again.
         */
        get: operations["exportTasks"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/{user_id}/import": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                user_id: components["parameters"]["UserId"];
            };
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Import tasks, labels and projects from an export, or from Todoist, TickTick or Google Tasks
         * @description Adds the file's tasks on top of each list's manual order, in file order, with new ids; `created_at` and `completed` come from the file (a completed repeating task is not moved on). Labels are created as needed: from the JSON document's `labels` with their colours, and from the tasks' label names (grey); a label the caller already has (by name, case-insensitively) is used as it is. Projects likewise: a task's `project` names one of the caller's own projects (case-insensitively), used as it is, or a new one, owned by the caller at the end of their sidebar (the JSON document's `projects` give colours and order; other names are grey). A task with a `parent` and no `project` goes to its parent's list; a `parent` must be another task of the file, in the same project, with no cycle and at most 4 levels. A file without projects or parents (v2) imports into the Inbox as before. All or nothing, in one transaction: any problem answers `422` listing each with its place, and nothing is stored. At most 50000 tasks per account in all. CSV: `text/csv` (RFC 4180, UTF-8, CRLF), one row per task under the header `title,description,completed,due_date,due_time,priority,labels,repeat,created_at,project,parent`: `labels` joined with `;` (a `;` or `\` inside a name escaped with `\`, so every name reads back as it was), `repeat` as `week` or `week/2` (every/interval), `project` the project's name (empty: the Inbox), `parent` the row of the task's parent as `row 5` (the header is row 1), empty cells for null. A cell that begins with `=`, `+`, `-`, `@`, tab or carriage return (optionally after quotes) gets a leading `'` so that spreadsheets show it as text; import takes that quote off again. Columns are found by their header (`title` is required, unknown ones are ignored); rows are numbered as a spreadsheet shows them, the header being row 1.
         */
        post: operations["importTasks"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/{user_id}/tasks/changes": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                user_id: components["parameters"]["UserId"];
            };
            cookie?: never;
        };
        /**
         * What changed since a cursor (sync)
         * @description Without `since`, a full sync: every task of the caller, and a cursor. With `since`, each task created or changed after that cursor once, in its latest state, and the ids of tasks deleted after it; a label rename or delete counts as a change of each task that carried it. Call again with the returned `cursor` while `more` is true. Nothing is missed or repeated while other requests write concurrently: the cursor holds a database snapshot, and an answer returns the writes that committed after it, in whatever order their transactions began. Cursors last 30 days.
         */
        get: operations["listTaskChanges"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/{user_id}/events": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                user_id: components["parameters"]["UserId"];
            };
            cookie?: never;
        };
        /**
         * Live updates (server-sent events)
         * @description A `text/event-stream`. `event: changed` with `data: {"cursor": "…"}` follows each change of the caller's tasks or labels, from any server instance, within 2 seconds; `cursor` is the feed's position after it (a client that is behind calls the changes feed with its own cursor). A comment line at least every 25 s keeps the connection open. The server ends a stream when its session is signed out, after about 270 s, and when it restarts: clients reconnect (EventSource does so by itself, after the `retry` the stream sets) and catch up through the changes feed. Browsers authenticate with the session cookie; other clients may send a bearer token.
         */
        get: operations["streamEvents"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
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
    "/api/auth/session": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Who the browser's session cookie is
         * @description A cookie whose session has ended answers `null`, and the response clears it (`Set-Cookie` with `Max-Age=0`); a live one is refreshed.
         */
        get: operations["getBrowserSession"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/auth/signout": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Sign the browser out
         * @description What the app's Sign out button posts. Ends the cookie's session on the server too: a copy of the old cookie answers `401` from then on. Needs the CSRF cookie from `GET /api/auth/csrf`.
         */
        post: operations["signOutBrowser"];
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
    "/api/{user_id}/webhooks": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                user_id: components["parameters"]["UserId"];
            };
            cookie?: never;
        };
        /**
         * List webhooks
         * @description Deliveries follow the Standard Webhooks specification: a `POST` with `webhook-id` (the same on every attempt), `webhook-timestamp` and `webhook-signature` (`v1,<base64 HMAC-SHA256 of id.timestamp.body>` with the secret), body `{ type, timestamp, data: { task | project } }`, for changes to everything the owner can see. At least once: queued in the transaction of the change; a non-2xx answer or none in 10 s is tried again with growing delays for 24 hours, then marked failed; a webhook failing for 3 days in a row is disabled. URLs must be https:// to a public address (checked after resolving, and at each delivery; no redirects followed). A personal access token cannot reach these routes. Newest first, without their secrets.
         */
        get: operations["listWebhooks"];
        put?: never;
        /**
         * Add a webhook
         * @description Deliveries follow the Standard Webhooks specification: a `POST` with `webhook-id` (the same on every attempt), `webhook-timestamp` and `webhook-signature` (`v1,<base64 HMAC-SHA256 of id.timestamp.body>` with the secret), body `{ type, timestamp, data: { task | project } }`, for changes to everything the owner can see. At least once: queued in the transaction of the change; a non-2xx answer or none in 10 s is tried again with growing delays for 24 hours, then marked failed; a webhook failing for 3 days in a row is disabled. URLs must be https:// to a public address (checked after resolving, and at each delivery; no redirects followed). A personal access token cannot reach these routes. The signing secret is in `secret`, this once. At most 20 per account.
         */
        post: operations["createWebhook"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/{user_id}/webhooks/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                user_id: components["parameters"]["UserId"];
                id: components["schemas"]["WebhookId"];
            };
            cookie?: never;
        };
        /** Get a webhook */
        get: operations["getWebhook"];
        put?: never;
        post?: never;
        /**
         * Delete a webhook
         * @description With its queued and logged deliveries.
         */
        delete: operations["deleteWebhook"];
        options?: never;
        head?: never;
        /**
         * Change, pause or resume a webhook
         * @description A paused webhook gets no new deliveries; those already queued wait for it to resume. Resuming one that was disabled starts its count of failing days again.
         */
        patch: operations["updateWebhook"];
        trace?: never;
    };
    "/api/{user_id}/webhooks/{id}/deliveries": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                user_id: components["parameters"]["UserId"];
                id: components["schemas"]["WebhookId"];
            };
            cookie?: never;
        };
        /**
         * The delivery log
         * @description The last 100 deliveries, newest first: one row per event, with its attempts and the status of the last answer.
         */
        get: operations["listWebhookDeliveries"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/{user_id}/webhooks/{id}/test": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                user_id: components["parameters"]["UserId"];
                id: components["schemas"]["WebhookId"];
            };
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Send a test event
         * @description Queues a `webhook.test` event (`data: { webhook: { id, url } }`) to the webhook, paused or not; the delivery log shows how it went.
         */
        post: operations["testWebhook"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/mcp": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * The MCP server for AI assistants
         * @description Model Context Protocol over streamable HTTP, stateless (no `Mcp-Session-Id`), answering JSON. Tools: `list_tasks`, `get_task`, `create_task` (quick-add `text` or the fields of `POST /tasks`), `update_task`, `complete_task`, `delete_task`, `move_task`, `list_projects`, `list_labels`. The same credentials as the API; a personal token's scopes apply per tool (a tool outside them answers a result with `isError`). Send `Accept: application/json, text/event-stream`.
         */
        post: operations["mcp"];
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
    "/api/cron/purge": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Remove expired records (scheduler only)
         * @description Removes `Idempotency-Key` records older than 24 hours and the per-address and per-email attempts that have left their windows, in bounded batches. Vercel Cron calls it daily (vercel.json). Needs `Authorization: Bearer <CRON_SECRET>`; without a `CRON_SECRET` setting the route answers `404`.
         */
        get: operations["purgeExpiredRecords"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/cron/reminders": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Fire due reminders (scheduler only)
         * @description Fires every reminder whose time has come, each exactly once however many schedulers run: its notification is written in the statement that claims it. One more than 24 hours late is dropped. Then pushes the notifications due to be pushed (Web Push) to their users' browsers. Vercel Cron calls it every minute (vercel.json); `npm start` runs the same work in-process. Needs `Authorization: Bearer <CRON_SECRET>`; without a `CRON_SECRET` setting the route answers `404`.
         */
        get: operations["fireDueReminders"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/cron/webhooks": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Send due webhook deliveries (scheduler only)
         * @description Sends every webhook delivery whose attempt is due, each by one sender at a time however many run (SKIP LOCKED), signed per Standard Webhooks; a failed one is tried again after growing delays for 24 hours. Vercel Cron calls it every minute (vercel.json); `npm start` sends every second in-process. Needs `Authorization: Bearer <CRON_SECRET>`; without a `CRON_SECRET` setting the route answers `404`.
         */
        get: operations["deliverDueWebhooks"];
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
         * @description A new task, placed at the top of the manual order. Other fields (id, user_id, position, timestamps) are ignored.
         * @example {
         *       "title": "Buy milk",
         *       "description": "2 litres",
         *       "completed": false
         *     }
         * @example {
         *       "title": "Pay rent",
         *       "due_date": "2026-12-01",
         *       "due_time": "09:00",
         *       "priority": "high",
         *       "labels": [
         *         "home"
         *       ],
         *       "repeat": {
         *         "every": "month"
         *       }
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
            /** @description null: no due date (clears due_time too). */
            due_date?: components["schemas"]["DueDate"] | null;
            due_time?: components["schemas"]["DueTime"] | null;
            /** @description Defaults to none. */
            priority?: components["schemas"]["Priority"];
            /**
             * @description 0 to 20 label names, replacing the task's labels. A name the caller has no label for creates one; names match case-insensitively (an existing label's spelling wins, else the first in the list); repeats collapse.
             * @example [
             *       "home",
             *       "errands"
             *     ]
             */
            labels?: components["schemas"]["LabelName"][];
            reminders?: components["schemas"]["ReminderInputs"];
            /** @description null: does not repeat. A repeating task needs a due_date. */
            repeat?: components["schemas"]["RepeatBody"] | null;
            /** @description null: the Inbox (of the task's creator); else a project the caller may write to (404 if they cannot see it, 403 if they only read it). Changing it moves the task, with its subtasks, to the top of that list. */
            project_id?: string | null;
            /** @description null, or a task in the same list, making this a subtask (at most 4 levels; not one of its own subtasks). With parent_id alone, a new task goes to its parent's list. */
            parent_id?: string | null;
            /** @description null, or a member of the task's project (422 otherwise; an Inbox task has none). Moving the task to a project its assignee is not a member of unassigns it. */
            assignee_id?: string | null;
        };
        /**
         * @description PUT: the title and, optionally, the other fields; a field left out keeps its value. `completed` and `position` are ignored, whatever they hold.
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
            /** @description null: no due date (clears due_time too). */
            due_date?: components["schemas"]["DueDate"] | null;
            due_time?: components["schemas"]["DueTime"] | null;
            priority?: components["schemas"]["Priority"];
            /**
             * @description 0 to 20 label names, replacing the task's labels. A name the caller has no label for creates one; names match case-insensitively (an existing label's spelling wins, else the first in the list); repeats collapse.
             * @example [
             *       "home",
             *       "errands"
             *     ]
             */
            labels?: components["schemas"]["LabelName"][];
            reminders?: components["schemas"]["ReminderInputs"];
            /** @description null: does not repeat. A repeating task needs a due_date. */
            repeat?: components["schemas"]["RepeatBody"] | null;
            /** @description null: the Inbox (of the task's creator); else a project the caller may write to (404 if they cannot see it, 403 if they only read it). Changing it moves the task, with its subtasks, to the top of that list. */
            project_id?: string | null;
            /** @description null, or a task in the same list, making this a subtask (at most 4 levels; not one of its own subtasks). With parent_id alone, a new task goes to its parent's list. */
            parent_id?: string | null;
            /** @description null, or a member of the task's project (422 otherwise; an Inbox task has none). Moving the task to a project its assignee is not a member of unassigns it. */
            assignee_id?: string | null;
        };
        /**
         * @description PATCH: changes only the fields it sends; at least one of title, description, completed, due_date, due_time, priority, labels, reminders, repeat, project_id, parent_id, assignee_id.
         * @example {
         *       "completed": true
         *     }
         * @example {
         *       "description": null
         *     }
         * @example {
         *       "due_date": "2026-12-01",
         *       "priority": "high"
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
             * @description Whether the task is done. Completing a repeating task moves its due_date to the next occurrence instead, and it stays false.
             * @example false
             */
            completed?: boolean;
            /** @description null: no due date (clears due_time too). */
            due_date?: components["schemas"]["DueDate"] | null;
            due_time?: components["schemas"]["DueTime"] | null;
            priority?: components["schemas"]["Priority"];
            /**
             * @description 0 to 20 label names, replacing the task's labels. A name the caller has no label for creates one; names match case-insensitively (an existing label's spelling wins, else the first in the list); repeats collapse.
             * @example [
             *       "home",
             *       "errands"
             *     ]
             */
            labels?: components["schemas"]["LabelName"][];
            reminders?: components["schemas"]["ReminderInputs"];
            /** @description null: does not repeat. A repeating task needs a due_date. */
            repeat?: components["schemas"]["RepeatBody"] | null;
            /** @description null: the Inbox (of the task's creator); else a project the caller may write to (404 if they cannot see it, 403 if they only read it). Changing it moves the task, with its subtasks, to the top of that list. */
            project_id?: string | null;
            /** @description null, or a task in the same list, making this a subtask (at most 4 levels; not one of its own subtasks). With parent_id alone, a new task goes to its parent's list. */
            parent_id?: string | null;
            /** @description null, or a member of the task's project (422 otherwise; an Inbox task has none). Moving the task to a project its assignee is not a member of unassigns it. */
            assignee_id?: string | null;
        };
        /**
         * @description Exactly one of before, after, to. An anchor the caller cannot see answers 404; the task itself as anchor, or one in another list, 422.
         * @example {
         *       "before": "0b6f3c1e-8d4a-4f0e-a7f2-3c9d5e1b2a47"
         *     }
         * @example {
         *       "to": "top"
         *     }
         */
        MoveTaskBody: {
            /**
             * Format: uuid
             * @description Put the task just above this task.
             */
            before?: string;
            /**
             * Format: uuid
             * @description Put the task just below this task.
             */
            after?: string;
            /**
             * @description Put the task at the top or the bottom.
             * @enum {string}
             */
            to?: "top" | "bottom";
        };
        /**
         * @description A new account. Fields not named here are ignored.
         * @example {
         *       "email": "ann@example.com",
         *       "password": "correct horse battery staple",
         *       "name": "Ann",
         *       "time_zone": "Europe/Berlin"
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
            /**
             * @description The account's time zone; left out: `UTC`.
             * @example Europe/Berlin
             * @example America/New_York
             * @example UTC
             */
            time_zone?: string;
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
         * Format: uuid
         * @description The id of a label; a value that is not a UUID answers 422.
         * @example 7c2d9e4f-1a3b-4c5d-8e6f-9a0b1c2d3e4f
         */
        LabelId: string;
        /**
         * @description A new label. A name the caller already has (case-insensitively) answers 409.
         * @example {
         *       "name": "home",
         *       "color": "green"
         *     }
         */
        CreateLabelBody: {
            name: components["schemas"]["LabelName"];
            /** @description Defaults to grey. */
            color?: components["schemas"]["LabelColor"];
        };
        /**
         * @description Renames or recolours a label; a rename shows at once on every task that carries it. Another label's name (case-insensitively) answers 409.
         * @example {
         *       "name": "Home"
         *     }
         * @example {
         *       "color": "blue"
         *     }
         */
        PatchLabelBody: {
            name?: components["schemas"]["LabelName"];
            color?: components["schemas"]["LabelColor"];
        };
        /**
         * Format: uuid
         * @description The id of a project; a value that is not a UUID answers 422.
         * @example 3f1c2b7a-5d4e-4a6b-9c8d-7e6f5a4b3c2d
         */
        ProjectId: string;
        /**
         * @description A new project, owned by the caller, at the end of their sidebar. A name the caller's projects already have (case-insensitively) answers 409; past 300 owned projects, 422.
         * @example {
         *       "name": "Home",
         *       "color": "green"
         *     }
         */
        CreateProjectBody: {
            name: components["schemas"]["ProjectName"];
            /** @description Defaults to grey. */
            color?: components["schemas"]["LabelColor"];
        };
        /**
         * @description Renames or recolours a project (its owner or an editor). Another of the owner's project names (case-insensitively) answers 409.
         * @example {
         *       "name": "Home and garden"
         *     }
         * @example {
         *       "color": "blue"
         *     }
         */
        PatchProjectBody: {
            name?: components["schemas"]["ProjectName"];
            color?: components["schemas"]["LabelColor"];
        };
        /**
         * @description Exactly one of before, after, to. Orders the caller's own sidebar; each member orders theirs. An anchor the caller cannot see answers 404; the project itself as anchor, 422.
         * @example {
         *       "before": "0b6f3c1e-8d4a-4f0e-a7f2-3c9d5e1b2a47"
         *     }
         * @example {
         *       "to": "top"
         *     }
         */
        MoveProjectBody: {
            /**
             * Format: uuid
             * @description Put the project just above this project.
             */
            before?: string;
            /**
             * Format: uuid
             * @description Put the project just below this project.
             */
            after?: string;
            /**
             * @description Put the project at the top or the bottom.
             * @enum {string}
             */
            to?: "top" | "bottom";
        };
        /**
         * Format: uuid
         * @description A member's user id (`user_id` in the members list); a value that is not a UUID answers 422.
         * @example 8c2d4e6f-1a3b-4c5d-8e9f-0a1b2c3d4e5f
         */
        MemberId: string;
        /**
         * @description The member's new role (the owner only). `owner` hands the project over: the member becomes its owner and the caller an editor.
         * @example {
         *       "role": "viewer"
         *     }
         * @example {
         *       "role": "owner"
         *     }
         */
        PatchMemberBody: {
            /** @enum {string} */
            role: "owner" | "editor" | "viewer";
        };
        /**
         * Format: uuid
         * @description The id of an invitation; a value that is not a UUID answers 422.
         * @example 6a7b8c9d-0e1f-4a2b-8c3d-4e5f6a7b8c9d
         */
        InvitationId: string;
        /**
         * @description An invitation to the project (the owner only), valid 14 days.
         * @example {
         *       "email": "ada@example.com",
         *       "role": "editor"
         *     }
         */
        CreateInvitationBody: {
            /**
             * @description Whom to invite, whether or not they have an account (the answer is the same either way).
             * @example ada@example.com
             */
            email: string;
            /** @enum {string} */
            role: "editor" | "viewer";
        };
        /**
         * @description What changes; a field left out stays as it is. Fields not named here are ignored.
         * @example {
         *       "name": "Ann"
         *     }
         * @example {
         *       "time_zone": "Europe/Berlin"
         *     }
         */
        PatchAccountBody: {
            /**
             * @description Display name, trimmed, at most 100 characters. null or blank clears it; left out, it stays.
             * @example Ann
             * @example null
             */
            name?: string | null;
            /**
             * @description An IANA time zone name, in any casing (stored as the IANA database spells it). Reminders and the calendar feed use it.
             * @example Europe/Berlin
             * @example America/New_York
             * @example UTC
             */
            time_zone?: string;
        };
        /**
         * @description A wrong `current_password` answers `422` naming it, and counts as a failed sign-in of this email (after 5 within 15 minutes, `429`).
         * @example {
         *       "current_password": "correct horse battery staple",
         *       "new_password": "a new and longer passphrase"
         *     }
         */
        ChangePasswordBody: {
            /**
             * Format: password
             * @example correct horse battery staple
             */
            current_password: string;
            /**
             * Format: password
             * @description 8 to 128 characters (Unicode code points), taken as typed (not trimmed). Stored only as an argon2id hash.
             * @example correct horse battery staple
             */
            new_password: string;
        };
        /**
         * @description The account's password, to confirm. A wrong one answers `422` naming it, and counts as a failed sign-in.
         * @example {
         *       "password": "correct horse battery staple"
         *     }
         */
        DeleteAccountBody: {
            /**
             * Format: password
             * @example correct horse battery staple
             */
            password: string;
        };
        /**
         * Format: uuid
         * @description The id of one of the caller's sessions.
         */
        SessionId: string;
        /** @description A personal access token to create. */
        CreateTokenBody: {
            /**
             * @description What the token is for, trimmed, 1–100 characters.
             * @example Backup script
             */
            name: string;
            /** @description What the token may do. A write scope includes its read scope; the changes feed and the event stream need `tasks:read`. */
            scopes: ("tasks:read" | "tasks:write" | "projects:read" | "projects:write" | "notifications:read")[];
            /** @description Days until it stops working (1–365); left out, it works until revoked. */
            expires_in_days?: number;
        };
        /**
         * Format: uuid
         * @description The id of one of the caller's personal access tokens.
         */
        TokenId: string;
        /** @description A webhook to add (at most 20 per account). */
        CreateWebhookBody: {
            /**
             * @description Where deliveries are POSTed: https:// to a public address (checked after resolving the name, and again at each delivery).
             * @example https://example.com/hooks/todo
             */
            url: string;
            /** @description The event types to deliver; `*` for all. */
            events: ("task.created" | "task.updated" | "task.completed" | "task.deleted" | "project.updated" | "project.deleted" | "*")[];
        };
        /** @description What changes; a field left out stays. */
        PatchWebhookBody: {
            /**
             * @description Where deliveries are POSTed: https:// to a public address (checked after resolving the name, and again at each delivery).
             * @example https://example.com/hooks/todo
             */
            url?: string;
            /** @description The event types to deliver; `*` for all. */
            events?: ("task.created" | "task.updated" | "task.completed" | "task.deleted" | "project.updated" | "project.deleted" | "*")[];
            /** @description false pauses deliveries (none are queued while paused); true resumes them. */
            enabled?: boolean;
        };
        /**
         * Format: uuid
         * @description The id of one of the caller's webhooks.
         */
        WebhookId: string;
        /** @description An export document (exported_at is ignored). */
        ImportDocument: {
            /** @constant */
            format: "todo-export";
            /** @constant */
            version: 1;
            /**
             * @description Labels to create when the caller has none of that name (case-insensitively), with their colours. An existing label keeps its colour.
             * @default []
             */
            labels: {
                name: components["schemas"]["LabelName"];
                /** @default grey */
                color: components["schemas"]["LabelColor"];
            }[];
            /**
             * @description Projects to create when the caller owns none of that name (case-insensitively), with their colours, at the end of their sidebar in this order. An existing one keeps its colour. At most 300 owned projects per user in all.
             * @default []
             */
            projects: {
                name: components["schemas"]["ProjectName"];
                /** @default grey */
                color: components["schemas"]["LabelColor"];
            }[];
            /** @description In the order they should take, top first. At most 50000 tasks per account in all. */
            tasks: components["schemas"]["ImportedTask"][];
        };
        /**
         * @description Which notifications to mark read; already read ones keep their read_at.
         * @example {
         *       "ids": [
         *         "9b2f1c3d-4e5f-4a6b-8c7d-0e1f2a3b4c5d"
         *       ]
         *     }
         * @example {
         *       "all": true
         *     }
         */
        MarkNotificationsReadBody: {
            /** @description 1 to 500 of the caller's notification ids; others' and unknown ones are ignored. */
            ids: string[];
        } | {
            /**
             * @description Every notification of the caller.
             * @constant
             */
            all: true;
        };
        /**
         * @description A browser's `PushSubscription.toJSON()`; other fields (`expirationTime`) are ignored.
         * @example {
         *       "endpoint": "https://fcm.googleapis.com/fcm/send/dxQ3n…",
         *       "keys": {
         *         "p256dh": "BNcRdreALRFXTkOOUHK1EtK2wtaz5Ry4YfYCA_0QTpQtUbVlUls0VJXg7A8u-Ts1XbjhazAkj7I99e8QcYP7DkM",
         *         "auth": "tBHItJI5svbpez7KI4CCXg"
         *       }
         *     }
         */
        PushSubscriptionBody: {
            /** @description The push service URL: https:// to a public address (checked after resolving its name). */
            endpoint: string;
            keys: {
                /** @description The subscription's p256dh key, base64url, as PushSubscription.toJSON() gives it. */
                p256dh: string;
                /** @description The subscription's auth secret, base64url, as PushSubscription.toJSON() gives it. */
                auth: string;
            };
        };
        /**
         * @description Trimmed, then 1 to 60 characters (Unicode code points). Names match case-insensitively.
         * @example home
         */
        LabelName: string;
        /**
         * Format: date
         * @description A calendar date, 1900-01-01 to 9999-12-31, with no time zone.
         * @example 2026-12-01
         */
        DueDate: string;
        /**
         * @description Wall-clock time HH:MM on the due_date; needs a due_date.
         * @example 17:30
         */
        DueTime: string;
        /**
         * @description How much the task matters; `none` by default.
         * @enum {string}
         */
        Priority: "none" | "low" | "medium" | "high";
        /**
         * @description 0 to 5 of the caller's own reminders, replacing theirs on the task (other members' are untouched). Those already set keep their ids; repeats collapse. `minutes_before` needs a due date (422).
         * @example [
         *       {
         *         "minutes_before": 30
         *       },
         *       {
         *         "at": "2026-12-01T08:00:00Z"
         *       }
         *     ]
         */
        ReminderInputs: ({
            /**
             * @description Minutes before the due date and time (a date alone counts as 09:00), in the account's time zone: 0 to 40320 (4 weeks).
             * @example 30
             */
            minutes_before: number;
            at?: unknown;
        } | {
            /**
             * Format: date-time
             * @description An instant, with its offset; kept to the millisecond.
             * @example 2026-12-01T08:00:00Z
             */
            at: string;
            minutes_before?: unknown;
        })[];
        /**
         * @description How the task repeats. Completing it moves due_date to the next occurrence, counted from the current due_date (a month end clamps: Jan 31 + 1 month is Feb 28 or 29).
         * @example {
         *       "every": "week",
         *       "interval": 2
         *     }
         */
        RepeatBody: {
            /**
             * @description `weekday` means Monday to Friday and takes only interval 1.
             * @enum {string}
             */
            every: "day" | "weekday" | "week" | "month" | "year";
            /**
             * @description Every how many units; defaults to 1.
             * @default 1
             */
            interval: number;
        };
        /**
         * @description One of the app's label colours.
         * @enum {string}
         */
        LabelColor: "grey" | "red" | "orange" | "yellow" | "green" | "teal" | "blue" | "purple" | "pink";
        /**
         * @description Trimmed, then 1 to 120 characters (Unicode code points); unique among the projects a user owns, case-insensitively.
         * @example Home
         */
        ProjectName: string;
        /** @description A task to import: a create's fields (its ids ignored), created_at, and its place: project and parent. Other fields (id, user_id, position, updated_at) are ignored; the order of each list is kept. */
        ImportedTask: {
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
            /** @description null: no due date (clears due_time too). */
            due_date?: components["schemas"]["DueDate"] | null;
            due_time?: components["schemas"]["DueTime"] | null;
            /** @description Defaults to none. */
            priority?: components["schemas"]["Priority"];
            /**
             * @description 0 to 20 label names, replacing the task's labels. A name the caller has no label for creates one; names match case-insensitively (an existing label's spelling wins, else the first in the list); repeats collapse.
             * @example [
             *       "home",
             *       "errands"
             *     ]
             */
            labels?: components["schemas"]["LabelName"][];
            reminders?: components["schemas"]["ReminderInputs"];
            /** @description null: does not repeat. A repeating task needs a due_date. */
            repeat?: components["schemas"]["RepeatBody"] | null;
            /** @description Ignored: ids mean nothing in another account; `project` and `parent` place the task. */
            project_id?: string | null;
            /** @description Ignored: ids mean nothing in another account; `project` and `parent` place the task. */
            parent_id?: string | null;
            /** @description null, or a member of the task's project (422 otherwise; an Inbox task has none). Moving the task to a project its assignee is not a member of unassigns it. */
            assignee_id?: string | null;
            /**
             * Format: date-time
             * @description When the task was created (an instant between years 1 and 9999 UTC, kept to the millisecond); now when left out.
             */
            created_at?: string;
            /** @description The name of the task's project: one the caller owns (case-insensitively), else a new one, at the end of their sidebar. null or left out: the Inbox, or for a subtask its parent's project. */
            project?: components["schemas"]["ProjectName"] | null;
            /** @description The task this is a subtask of, as its place in this file (`tasks[3]`: the fourth task), in the same project; at most 4 levels, no cycles. null or left out: a top-level task. */
            parent?: string | null;
        };
        /**
         * @description A task of the caller.
         * @example {
         *       "id": "0b6f3c1e-8d4a-4f0e-a7f2-3c9d5e1b2a47",
         *       "user_id": "5f0c8a53-2c1e-4a8e-9c57-0d3f2b9e4a11",
         *       "title": "Buy milk",
         *       "description": null,
         *       "completed": false,
         *       "due_date": "2026-12-01",
         *       "due_time": "17:30",
         *       "priority": "high",
         *       "labels": [
         *         "errands",
         *         "home"
         *       ],
         *       "reminders": [
         *         {
         *           "id": "3d5e7a11-6b2c-4f8e-9a0d-1c2b3e4f5a60",
         *           "minutes_before": 30
         *         }
         *       ],
         *       "repeat": {
         *         "every": "week",
         *         "interval": 2
         *       },
         *       "position": "7ffffffffffffffeV",
         *       "project_id": null,
         *       "parent_id": null,
         *       "assignee_id": null,
         *       "created_at": "2026-11-21T23:10:00.000Z",
         *       "updated_at": "2026-11-21T23:10:00.000Z",
         *       "etag": "\"1795302600000-UguP_9Ecg3kN\""
         *     }
         */
        Task: {
            /** Format: uuid */
            id: string;
            /**
             * Format: uuid
             * @description Who created the task; it stays when the task moves.
             */
            user_id: string;
            title: string;
            description: string | null;
            completed: boolean;
            due_date: components["schemas"]["DueDate"] | null;
            due_time: components["schemas"]["DueTime"] | null;
            priority: components["schemas"]["Priority"];
            /** @description The names of the task's labels, sorted case-insensitively. */
            labels: string[];
            /** @description The caller's own reminders on the task (each member sets their own), relative ones first, furthest ahead first. */
            reminders: components["schemas"]["Reminder"][];
            repeat: components["schemas"]["Repeat"] | null;
            /** @description The task's place in its list's manual order: opaque; tasks sort by it as byte strings. Only the server sets it. */
            position: string;
            /** @description The task's project; null: the Inbox of its creator (`user_id`). */
            project_id: string | null;
            /** @description The task this is a subtask of, in the same list; null for a top-level task. */
            parent_id: string | null;
            /** @description The member of the task's project it is assigned to; always null in an Inbox. */
            assignee_id: string | null;
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
            /** @description This version's `ETag`, as `GET …/tasks/{id}` sends it: send it in `If-Match` to change only this version. */
            etag: string;
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
        /** @description The browser's session: null without a cookie, and for a cookie whose session has ended (signed out, revoked, or its account deleted). */
        BrowserSession: {
            user: {
                /** Format: uuid */
                id: string;
                email: string | null;
                name: string | null;
            };
            /**
             * Format: date-time
             * @description When the cookie expires unless used again.
             */
            expires: string;
            /**
             * Format: uuid
             * @description The session row of this sign-in: `current` in `GET /api/{user_id}/sessions`.
             */
            sessionId: string;
        } | null;
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
        /**
         * @description A label of the caller. Names are unique per user, case-insensitively; at most 500 labels per user.
         * @example {
         *       "id": "7c2d9e4f-1a3b-4c5d-8e6f-9a0b1c2d3e4f",
         *       "name": "home",
         *       "color": "green",
         *       "task_count": 3,
         *       "created_at": "2026-11-21T23:10:00.000Z"
         *     }
         */
        Label: {
            /** Format: uuid */
            id: string;
            name: string;
            color: components["schemas"]["LabelColor"];
            /** @description How many of the caller's tasks carry this label. */
            task_count: number;
            /**
             * Format: date-time
             * @description UTC, millisecond precision; never changes.
             */
            created_at: string;
        };
        /**
         * @description A list of tasks; every user also has an Inbox (tasks with project_id null), which is never shared. A user owns at most 300 projects.
         * @example {
         *       "id": "3f1c2b7a-5d4e-4a6b-9c8d-7e6f5a4b3c2d",
         *       "name": "Home",
         *       "color": "green",
         *       "role": "owner",
         *       "shared": false,
         *       "open_count": 4,
         *       "position": "z0000000000000005V",
         *       "created_at": "2026-11-21T23:10:00.000Z",
         *       "updated_at": "2026-11-21T23:10:00.000Z"
         *     }
         */
        Project: {
            /** Format: uuid */
            id: string;
            name: string;
            color: components["schemas"]["LabelColor"];
            /**
             * @description The caller's role: owner, editor (reads and writes its tasks) or viewer (reads them).
             * @enum {string}
             */
            role: "owner" | "editor" | "viewer";
            /** @description It has a member besides its owner. */
            shared: boolean;
            /** @description How many of its tasks are open (not completed). */
            open_count: number;
            /** @description The project's place in the caller's sidebar: opaque; projects sort by it as byte strings. */
            position: string;
            /**
             * Format: date-time
             * @description UTC, millisecond precision; never changes.
             */
            created_at: string;
            /**
             * Format: date-time
             * @description UTC, millisecond precision; moves forward when it is renamed or recoloured.
             */
            updated_at: string;
        };
        /**
         * @description A member of a project, as every member sees them.
         * @example {
         *       "user_id": "8c2d4e6f-1a3b-4c5d-8e9f-0a1b2c3d4e5f",
         *       "email": "ada@example.com",
         *       "name": "Ada",
         *       "role": "editor",
         *       "joined_at": "2026-11-21T23:10:00.000Z"
         *     }
         */
        Member: {
            /** Format: uuid */
            user_id: string;
            email: string;
            name: string | null;
            /** @enum {string} */
            role: "owner" | "editor" | "viewer";
            /** Format: date-time */
            joined_at: string;
        };
        /**
         * @description A pending invitation to a project: accepted or declined by the person the email belongs to, or cancelled by the owner; it expires after 14 days.
         * @example {
         *       "id": "6a7b8c9d-0e1f-4a2b-8c3d-4e5f6a7b8c9d",
         *       "project": {
         *         "id": "3f1c2b7a-5d4e-4a6b-9c8d-7e6f5a4b3c2d",
         *         "name": "Home"
         *       },
         *       "email": "ada@example.com",
         *       "role": "editor",
         *       "invited_by": {
         *         "name": "Grace",
         *         "email": "grace@example.com"
         *       },
         *       "created_at": "2026-11-21T23:10:00.000Z",
         *       "expires_at": "2026-12-05T23:10:00.000Z"
         *     }
         */
        Invitation: {
            /** Format: uuid */
            id: string;
            project: {
                /** Format: uuid */
                id: string;
                name: string;
            };
            email: string;
            /** @enum {string} */
            role: "editor" | "viewer";
            invited_by: {
                name: string | null;
                email: string;
            };
            /** Format: date-time */
            created_at: string;
            /** Format: date-time */
            expires_at: string;
        };
        /** @description The caller's account. Never the password or its hash. */
        Account: {
            /** Format: uuid */
            id: string;
            /**
             * Format: email
             * @description Trimmed and lower-cased as stored.
             */
            email: string;
            name: string | null;
            /**
             * @description IANA time zone name; `UTC` unless set at signup or since.
             * @example Europe/Berlin
             */
            time_zone: string;
            /**
             * Format: date-time
             * @description ISO 8601, UTC.
             */
            created_at: string;
        };
        /** @description A signed-in browser or API client. */
        Session: {
            /** Format: uuid */
            id: string;
            /**
             * @description `browser`: a sign-in on /login (the cookie); `token`: `POST /api/auth/token` (or a password change).
             * @enum {string}
             */
            kind: "browser" | "token";
            /**
             * Format: date-time
             * @description When this sign-in happened.
             */
            created_at: string;
            /**
             * Format: date-time
             * @description The last request made with it; may lag by up to 5 minutes.
             */
            last_used_at: string;
            /** @description The `User-Agent` of the sign-in, as sent (at most 500 characters). */
            user_agent: string | null;
            /** @description true for the session of this request. */
            current: boolean;
        };
        /** @description A personal access token, without its secret. */
        Token: {
            /** Format: uuid */
            id: string;
            name: string;
            scopes: ("tasks:read" | "tasks:write" | "projects:read" | "projects:write" | "notifications:read")[];
            /**
             * Format: date-time
             * @description ISO 8601, UTC.
             */
            created_at: string;
            /** @description When it stops working; null: when it is revoked. */
            expires_at: string | null;
            /** @description The last request made with it (may lag by up to 5 minutes); null: never used. */
            last_used_at: string | null;
        };
        /** @description A new personal access token, with its secret. */
        NewToken: {
            /** Format: uuid */
            id: string;
            name: string;
            scopes: ("tasks:read" | "tasks:write" | "projects:read" | "projects:write" | "notifications:read")[];
            /**
             * Format: date-time
             * @description ISO 8601, UTC.
             */
            created_at: string;
            /** @description When it stops working; null: when it is revoked. */
            expires_at: string | null;
            /** @description The last request made with it (may lag by up to 5 minutes); null: never used. */
            last_used_at: string | null;
            /** @description The token, `todo_pat_…`: send it as `Authorization: Bearer <token>`. Shown this once; only its hash is kept. */
            token: string;
        };
        /** @description A webhook, without its secret. */
        Webhook: {
            /** Format: uuid */
            id: string;
            url: string;
            events: string[];
            /** @description false: paused by the owner, or disabled after failing for 3 days in a row. */
            enabled: boolean;
            /**
             * Format: date-time
             * @description ISO 8601, UTC.
             */
            created_at: string;
        };
        /** @description A new webhook, with its signing secret. */
        NewWebhook: {
            /** Format: uuid */
            id: string;
            url: string;
            events: string[];
            /** @description false: paused by the owner, or disabled after failing for 3 days in a row. */
            enabled: boolean;
            /**
             * Format: date-time
             * @description ISO 8601, UTC.
             */
            created_at: string;
            /** @description The signing secret, `whsec_…` (Standard Webhooks): shown this once. */
            secret: string;
        };
        /** @description One event sent (or being sent) to a webhook. */
        WebhookDelivery: {
            /** Format: uuid */
            id: string;
            /** @description The `webhook-id` header: the same on every attempt. */
            event_id: string;
            type: string;
            /** @enum {string} */
            status: "delivered" | "retrying" | "failed";
            attempts: number;
            /** @description The status of the last attempt; null: none answered (yet). */
            response_status: number | null;
            /**
             * Format: date-time
             * @description ISO 8601, UTC.
             */
            created_at: string;
            delivered_at: string | null;
        };
        /** @description The caller's calendar feed. */
        CalendarFeed: {
            /**
             * Format: uri
             * @description The secret address to subscribe to (`/api/calendar/<secret>.ics`). Shown once: only its hash is stored. It needs no other credential, so keep it private.
             */
            url: string;
        };
        /**
         * @description Something the caller is told about, newest first.
         * @example {
         *       "id": "9b2f1c3d-4e5f-4a6b-8c7d-0e1f2a3b4c5d",
         *       "kind": "reminder",
         *       "task_id": "0b6f3c1e-8d4a-4f0e-a7f2-3c9d5e1b2a47",
         *       "project_id": null,
         *       "title": "Call Bob",
         *       "body": "Due Fri 4 Dec at 09:30",
         *       "created_at": "2026-12-04T08:30:00.000Z",
         *       "read_at": null
         *     }
         */
        Notification: {
            /** Format: uuid */
            id: string;
            /**
             * @description `reminder`: one of the caller's reminders fired; `invitation`: someone invited the caller to a project; `assigned`: someone else assigned the caller a task.
             * @enum {string}
             */
            kind: "reminder" | "invitation" | "assigned";
            /** @description The task it is about, while it exists. */
            task_id: string | null;
            /** @description The project it is about (the invitation's, or the task's), while it exists. */
            project_id: string | null;
            /** @description The task's title (as it was), or the project's name for an invitation. */
            title: string;
            /** @description One line saying what happened, like `Due Fri 4 Dec at 09:00`. */
            body: string | null;
            /** Format: date-time */
            created_at: string;
            /** @description null: unread. */
            read_at: string | null;
        };
        /** @description One of the caller's browsers that notifications are pushed to. */
        PushSubscription: {
            /** Format: uuid */
            id: string;
            /** @description The push service it goes through (the endpoint itself is a secret of the browser). */
            endpoint_host: string;
            /** Format: date-time */
            created_at: string;
            /**
             * Format: uuid
             * @description The session that made it: signing it out or revoking it drops the subscription.
             */
            session_id: string;
        };
        /** @description The server's key for Web Push. */
        PushKey: {
            /** @description The server's VAPID public key: the `applicationServerKey` of `pushManager.subscribe()`. */
            public_key: string;
        };
        /** @description The caller's labels, projects and the tasks of every list they see. */
        ExportDocument: {
            /** @constant */
            format: "todo-export";
            /** @constant */
            version: 1;
            /** Format: date-time */
            exported_at: string;
            /** @description All of the caller's labels, by name case-insensitively. */
            labels: {
                name: string;
                color: components["schemas"]["LabelColor"];
            }[];
            /** @description The projects the caller is a member of, in their sidebar order. Projects of different owners may share a name: an import, which goes by name, puts their tasks into one project. */
            projects: {
                name: string;
                color: components["schemas"]["LabelColor"];
            }[];
            /** @description Every task of the caller's lists, list by list: the Inbox, then each project in sidebar order; each list in its manual order, top first. */
            tasks: components["schemas"]["ExportedTask"][];
        };
        /**
         * @example {
         *       "tasks_created": 120,
         *       "labels_created": 3,
         *       "projects_created": 2
         *     }
         */
        ImportResult: {
            tasks_created: number;
            /** @description Labels the caller did not have (by name, case-insensitively). */
            labels_created: number;
            /**
             * @description Projects the caller did not own (by name, case-insensitively).
             * @default 0
             */
            projects_created: number;
            /** @description With `from`: what the other app's file held that could not be carried over exactly, with its place (`row 13`, `Groceries.csv: row 4`, or a JSON path such as `items[0].items[3]`). */
            warnings?: {
                path: string;
                message: string;
            }[];
        };
        /** @description A page of the changes feed. */
        Changes: {
            /** @description Each task of a list the caller sees (the Inbox, their projects) created or changed after `since`, once, in its latest state (every task on a full sync). */
            changes: components["schemas"]["Task"][];
            /** @description The ids of tasks deleted after `since` (always empty on a full sync). */
            deleted: string[];
            /** @description The caller's projects created, renamed, recoloured, joined or reordered after `since`, as the project route shows them (every project on a full sync). Only the first page of an answer carries them. */
            projects: components["schemas"]["Project"][];
            /** @description The ids of projects the caller no longer sees (deleted, or left) after `since` (always empty on a full sync). Their tasks are gone too. */
            deleted_projects: string[];
            /** @description Opaque: pass it as `since` next time (at once while `more` is true). */
            cursor: string;
            /** @description True while more changes wait: call again with `cursor` straight away. */
            more: boolean;
        };
        /** @description One of the caller's reminders: relative to the due date and time, or at an instant (UTC). */
        Reminder: {
            /** Format: uuid */
            id: string;
            minutes_before: number;
        } | {
            /** Format: uuid */
            id: string;
            /** Format: date-time */
            at: string;
        };
        /** @description How the task repeats; completing it moves due_date to the next occurrence. */
        Repeat: {
            /** @enum {string} */
            every: "day" | "weekday" | "week" | "month" | "year";
            interval: number;
        };
        /** @description A task without id, user_id, position, etag, project_id and parent_id: the file is in the manual order, and `project` and `parent` place the task. */
        ExportedTask: {
            title: string;
            description: string | null;
            completed: boolean;
            due_date: components["schemas"]["DueDate"] | null;
            due_time: components["schemas"]["DueTime"] | null;
            priority: components["schemas"]["Priority"];
            /** @description The names of the task's labels, sorted case-insensitively. */
            labels: string[];
            /** @description The caller's own reminders on the task (each member sets their own), relative ones first, furthest ahead first. */
            reminders: components["schemas"]["Reminder"][];
            repeat: components["schemas"]["Repeat"] | null;
            /** @description The member of the task's project it is assigned to; always null in an Inbox. */
            assignee_id: string | null;
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
            /** @description The name of the task's project (one of `projects`); null: the Inbox. */
            project: string | null;
            /**
             * @description The task this is a subtask of, as its place in this file (`tasks[3]`: the fourth task); null for a top-level task.
             * @example tasks[3]
             */
            parent: string | null;
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
        /** @description Not authenticated: no credentials, or a missing, malformed, tampered, expired or `alg: none` token, or a token or cookie whose session has ended (signed out, revoked, or its account deleted). */
        Unauthorized: {
            headers: {
                "WWW-Authenticate": components["headers"]["WWW-Authenticate"];
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": components["schemas"]["ProblemDocument"];
            };
        };
        /** @description `{user_id}` is not the caller (also when it is not a UUID), or a personal access token is used outside its scopes (`WWW-Authenticate: Bearer error="insufficient_scope"`, with the scopes needed). */
        Forbidden: {
            headers: {
                /** @description For a personal token outside its scopes: `Bearer error="insufficient_scope", scope="…"`. */
                "WWW-Authenticate"?: string;
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
        /** @description The body is over 64 KiB (refused before it is read, also where no body is expected). */
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
                /** @description Only tasks with any of these priorities, comma-separated. */
                priority?: string;
                /** @description Repeatable: only tasks that carry all of these labels (names match case-insensitively; a name the caller has no label for gives an empty list). */
                label?: components["schemas"]["LabelName"][];
                /** @description Only tasks due on or after this date (so only tasks with a due_date). */
                due_from?: components["schemas"]["DueDate"];
                /** @description Only tasks due on or before this date (so only tasks with a due_date). */
                due_to?: components["schemas"]["DueDate"];
                /** @description Only tasks with (true) or without (false) a due_date. */
                has_due?: boolean;
                /** @description `inbox`, or a project's id (a project the caller cannot see answers 404). Left out: every task the caller can see. */
                project?: "inbox" | string;
                /** @description `none`: tasks that are no subtask; a task id: its subtasks. */
                parent?: "none" | string;
                /** @description `me`: tasks assigned to the caller; `none`: unassigned tasks; a user id: tasks assigned to that member. */
                assignee?: "me" | "none" | string;
                /** @description Titles sort case-insensitively; `due` by date then time (tasks without a time first in their day), tasks without a date last in both orders; `priority` high above low in desc; `position` is the manual order of each list (without a project filter: the Inbox first, then each project in the caller's sidebar order). Ties break on id. */
                sort?: "created_at" | "updated_at" | "title" | "due" | "priority" | "position";
                /** @description Defaults to asc for sort=due and sort=position, desc otherwise. */
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
            /** @description `project` names a project the caller is not a member of, or `parent` a task they cannot see. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDocument"];
                };
            };
            413: components["responses"]["ContentTooLarge"];
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
            /** @description `{user_id}` is not the caller, or the task would go to a project the caller may only read (a viewer). */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDocument"];
                };
            };
            /** @description A `project_id` or `parent_id` the caller cannot see. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDocument"];
                };
            };
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
            /** @description A body value is invalid (`errors` lists each bad field: also a `parent_id` in another list than `project_id`, or one that would make subtasks more than 4 levels deep), or the `Idempotency-Key` is malformed or was used with a different body, or the account already holds 50000 tasks, the most it may (imports count too): nothing is created. */
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
            413: components["responses"]["ContentTooLarge"];
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
            /** @description `{user_id}` is not the caller, or the task is in a project the caller may only read (a viewer): `detail: "You may only read this project"`. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDocument"];
                };
            };
            /** @description No such task for this user (`detail: "Task not found"`), or a `project_id` or `parent_id` the caller cannot see. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDocument"];
                };
            };
            412: components["responses"]["PreconditionFailed"];
            413: components["responses"]["ContentTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            /** @description A path or body value is invalid (`errors` lists each bad field): also a `parent_id` in another list than the task, one of its own subtasks, or one that would make subtasks more than 4 levels deep. */
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
            /** @description `{user_id}` is not the caller, or the task is in a project the caller may only read (a viewer): `detail: "You may only read this project"`. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDocument"];
                };
            };
            404: components["responses"]["TaskNotFound"];
            412: components["responses"]["PreconditionFailed"];
            413: components["responses"]["ContentTooLarge"];
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
            /** @description `{user_id}` is not the caller, or the task is in a project the caller may only read (a viewer): `detail: "You may only read this project"`. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDocument"];
                };
            };
            /** @description No such task for this user (`detail: "Task not found"`), or a `project_id` or `parent_id` the caller cannot see. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDocument"];
                };
            };
            412: components["responses"]["PreconditionFailed"];
            413: components["responses"]["ContentTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            /** @description A path or body value is invalid (`errors` lists each bad field): also a `parent_id` in another list than the task, one of its own subtasks, or one that would make subtasks more than 4 levels deep. */
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
            /** @description `{user_id}` is not the caller, or the task is in a project the caller may only read (a viewer): `detail: "You may only read this project"`. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDocument"];
                };
            };
            404: components["responses"]["TaskNotFound"];
            412: components["responses"]["PreconditionFailed"];
            413: components["responses"]["ContentTooLarge"];
            422: components["responses"]["ValidationFailed"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    moveTask: {
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
                "application/json": components["schemas"]["MoveTaskBody"];
            };
        };
        responses: {
            /** @description The moved task, with its new `position`. */
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
            /** @description `{user_id}` is not the caller, or the task is in a project the caller may only read (a viewer): `detail: "You may only read this project"`. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDocument"];
                };
            };
            /** @description No such task for this user, or the anchor (`before`/`after`) is not a task the caller can see. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDocument"];
                };
            };
            412: components["responses"]["PreconditionFailed"];
            413: components["responses"]["ContentTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            /** @description Not exactly one of before, after, to; an id that is not a UUID; the task itself as its anchor; or an anchor in another list. */
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
    listProjects: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                user_id: components["parameters"]["UserId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The projects. */
            200: {
                headers: {
                    "Cache-Control": components["headers"]["Cache-Control"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Project"][];
                };
            };
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            413: components["responses"]["ContentTooLarge"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    createProject: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                user_id: components["parameters"]["UserId"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateProjectBody"];
            };
        };
        responses: {
            /** @description The new project. */
            201: {
                headers: {
                    "Cache-Control": components["headers"]["Cache-Control"];
                    Location: components["headers"]["Location"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Project"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            /** @description The project's owner already has a project of this name (case-insensitively). */
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
            /** @description A body value is invalid (`errors` lists each bad field), or the caller already owns 300 projects. */
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
    getProject: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                user_id: components["parameters"]["UserId"];
                id: components["schemas"]["ProjectId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The project, as the caller sees it. */
            200: {
                headers: {
                    "Cache-Control": components["headers"]["Cache-Control"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Project"];
                };
            };
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            /** @description The caller is not a member of this project. Another user's project answers the same: `detail: "Project not found"`. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDocument"];
                };
            };
            413: components["responses"]["ContentTooLarge"];
            422: components["responses"]["ValidationFailed"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    deleteProject: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                user_id: components["parameters"]["UserId"];
                id: components["schemas"]["ProjectId"];
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
            /** @description `{user_id}` is not the caller, or the caller is a member but not the project's owner. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDocument"];
                };
            };
            /** @description The caller is not a member of this project. Another user's project answers the same: `detail: "Project not found"`. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDocument"];
                };
            };
            413: components["responses"]["ContentTooLarge"];
            422: components["responses"]["ValidationFailed"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    updateProject: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                user_id: components["parameters"]["UserId"];
                id: components["schemas"]["ProjectId"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["PatchProjectBody"];
            };
        };
        responses: {
            /** @description The updated project. */
            200: {
                headers: {
                    "Cache-Control": components["headers"]["Cache-Control"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Project"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            /** @description `{user_id}` is not the caller, or the caller may only read this project (a viewer). */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDocument"];
                };
            };
            /** @description The caller is not a member of this project. Another user's project answers the same: `detail: "Project not found"`. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDocument"];
                };
            };
            /** @description The project's owner already has a project of this name (case-insensitively). */
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
    moveProject: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                user_id: components["parameters"]["UserId"];
                id: components["schemas"]["ProjectId"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["MoveProjectBody"];
            };
        };
        responses: {
            /** @description The moved project, with its new `position`. */
            200: {
                headers: {
                    "Cache-Control": components["headers"]["Cache-Control"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Project"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            /** @description The caller is not a member of this project, or of the anchor (`before`/`after`). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDocument"];
                };
            };
            413: components["responses"]["ContentTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            /** @description Not exactly one of before, after, to; an id that is not a UUID; or the project itself as its anchor. */
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
    listMembers: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                user_id: components["parameters"]["UserId"];
                id: components["schemas"]["ProjectId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The members. */
            200: {
                headers: {
                    "Cache-Control": components["headers"]["Cache-Control"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Member"][];
                };
            };
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            /** @description The caller is not a member of this project. Another user's project answers the same: `detail: "Project not found"`. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDocument"];
                };
            };
            413: components["responses"]["ContentTooLarge"];
            422: components["responses"]["ValidationFailed"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    removeMember: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                user_id: components["parameters"]["UserId"];
                id: components["schemas"]["ProjectId"];
                member_id: components["schemas"]["MemberId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Done. Empty body. */
            204: {
                headers: {
                    "Cache-Control": components["headers"]["Cache-Control"];
                    [name: string]: unknown;
                };
                content?: never;
            };
            401: components["responses"]["Unauthorized"];
            /** @description `{user_id}` is not the caller, or a member other than the owner tries to remove someone else. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDocument"];
                };
            };
            /** @description The caller is not a member of this project, or `{member_id}` is not one. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDocument"];
                };
            };
            413: components["responses"]["ContentTooLarge"];
            /** @description A path id that is not a UUID, or the owner trying to leave. */
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
    updateMember: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                user_id: components["parameters"]["UserId"];
                id: components["schemas"]["ProjectId"];
                member_id: components["schemas"]["MemberId"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["PatchMemberBody"];
            };
        };
        responses: {
            /** @description The member, with their new role. */
            200: {
                headers: {
                    "Cache-Control": components["headers"]["Cache-Control"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Member"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            /** @description `{user_id}` is not the caller, or the caller is a member but not the project's owner. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDocument"];
                };
            };
            /** @description The caller is not a member of this project (`"Project not found"`), or `{member_id}` is not one (`"Member not found"`). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDocument"];
                };
            };
            /** @description A hand-over to a member who already owns a project of this name. */
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
    listProjectInvitations: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                user_id: components["parameters"]["UserId"];
                id: components["schemas"]["ProjectId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The pending invitations, oldest first. */
            200: {
                headers: {
                    "Cache-Control": components["headers"]["Cache-Control"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Invitation"][];
                };
            };
            401: components["responses"]["Unauthorized"];
            /** @description `{user_id}` is not the caller, or the caller is a member but not the project's owner. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDocument"];
                };
            };
            /** @description The caller is not a member of this project. Another user's project answers the same: `detail: "Project not found"`. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDocument"];
                };
            };
            413: components["responses"]["ContentTooLarge"];
            422: components["responses"]["ValidationFailed"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    createInvitation: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                user_id: components["parameters"]["UserId"];
                id: components["schemas"]["ProjectId"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateInvitationBody"];
            };
        };
        responses: {
            /** @description The invitation. */
            201: {
                headers: {
                    "Cache-Control": components["headers"]["Cache-Control"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Invitation"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            /** @description `{user_id}` is not the caller, or the caller is a member but not the project's owner. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDocument"];
                };
            };
            /** @description The caller is not a member of this project. Another user's project answers the same: `detail: "Project not found"`. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDocument"];
                };
            };
            /** @description The email belongs to a member already, or has a pending invitation to this project. */
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
            /** @description A body value is invalid (`errors` lists each bad field), or the project has 50 members and pending invitations. */
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
    cancelInvitation: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                user_id: components["parameters"]["UserId"];
                id: components["schemas"]["ProjectId"];
                inv_id: components["schemas"]["InvitationId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Done. Empty body. */
            204: {
                headers: {
                    "Cache-Control": components["headers"]["Cache-Control"];
                    [name: string]: unknown;
                };
                content?: never;
            };
            401: components["responses"]["Unauthorized"];
            /** @description `{user_id}` is not the caller, or the caller is a member but not the project's owner. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDocument"];
                };
            };
            /** @description The caller is not a member of this project, or it has no pending invitation with this id. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDocument"];
                };
            };
            413: components["responses"]["ContentTooLarge"];
            422: components["responses"]["ValidationFailed"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    listMyInvitations: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                user_id: components["parameters"]["UserId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The pending invitations. */
            200: {
                headers: {
                    "Cache-Control": components["headers"]["Cache-Control"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Invitation"][];
                };
            };
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            413: components["responses"]["ContentTooLarge"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    acceptInvitation: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                user_id: components["parameters"]["UserId"];
                inv_id: components["schemas"]["InvitationId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The project, as the new member sees it. */
            200: {
                headers: {
                    "Cache-Control": components["headers"]["Cache-Control"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Project"];
                };
            };
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            /** @description No pending invitation with this id is addressed to the caller (another user's, an expired or a used one): `detail: "Invitation not found"`. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDocument"];
                };
            };
            413: components["responses"]["ContentTooLarge"];
            422: components["responses"]["ValidationFailed"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    declineInvitation: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                user_id: components["parameters"]["UserId"];
                inv_id: components["schemas"]["InvitationId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Done. Empty body. */
            204: {
                headers: {
                    "Cache-Control": components["headers"]["Cache-Control"];
                    [name: string]: unknown;
                };
                content?: never;
            };
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            /** @description No pending invitation with this id is addressed to the caller (another user's, an expired or a used one): `detail: "Invitation not found"`. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDocument"];
                };
            };
            413: components["responses"]["ContentTooLarge"];
            422: components["responses"]["ValidationFailed"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    listLabels: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                user_id: components["parameters"]["UserId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The labels. */
            200: {
                headers: {
                    "Cache-Control": components["headers"]["Cache-Control"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Label"][];
                };
            };
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            413: components["responses"]["ContentTooLarge"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    createLabel: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                user_id: components["parameters"]["UserId"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateLabelBody"];
            };
        };
        responses: {
            /** @description The new label. */
            201: {
                headers: {
                    "Cache-Control": components["headers"]["Cache-Control"];
                    Location: components["headers"]["Location"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Label"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            /** @description The caller already has a label of this name (case-insensitively). */
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
            /** @description A body value is invalid (`errors` lists each bad field), or the caller already has 500 labels. */
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
    deleteLabel: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                user_id: components["parameters"]["UserId"];
                id: components["schemas"]["LabelId"];
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
            /** @description No such label for this user. A label of another user answers the same: `detail: "Label not found"`. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDocument"];
                };
            };
            413: components["responses"]["ContentTooLarge"];
            422: components["responses"]["ValidationFailed"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    updateLabel: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                user_id: components["parameters"]["UserId"];
                id: components["schemas"]["LabelId"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["PatchLabelBody"];
            };
        };
        responses: {
            /** @description The updated label. */
            200: {
                headers: {
                    "Cache-Control": components["headers"]["Cache-Control"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Label"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            /** @description No such label for this user. A label of another user answers the same: `detail: "Label not found"`. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDocument"];
                };
            };
            /** @description The caller already has a label of this name (case-insensitively). */
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
    getAccount: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                user_id: components["parameters"]["UserId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The account. */
            200: {
                headers: {
                    "Cache-Control": components["headers"]["Cache-Control"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Account"];
                };
            };
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            413: components["responses"]["ContentTooLarge"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    deleteAccount: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                user_id: components["parameters"]["UserId"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["DeleteAccountBody"];
            };
        };
        responses: {
            /** @description Done. Empty body. */
            204: {
                headers: {
                    "Cache-Control": components["headers"]["Cache-Control"];
                    [name: string]: unknown;
                };
                content?: never;
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            413: components["responses"]["ContentTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            /** @description A body value is invalid (`errors` lists each bad field), or `password` is not the account's password (`errors: [{ "path": "password", "message": "is incorrect" }]`), which counts as a failed sign-in of this email. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDocument"];
                };
            };
            /** @description Too many failed sign-ins for this email in the last 15 minutes (wrong passwords here count too); nothing was checked. */
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
    updateAccount: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                user_id: components["parameters"]["UserId"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["PatchAccountBody"];
            };
        };
        responses: {
            /** @description The account, changed. */
            200: {
                headers: {
                    "Cache-Control": components["headers"]["Cache-Control"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Account"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            413: components["responses"]["ContentTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["ValidationFailed"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    changePassword: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                user_id: components["parameters"]["UserId"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ChangePasswordBody"];
            };
        };
        responses: {
            /** @description The password is changed; a token for the new session. */
            200: {
                headers: {
                    "Cache-Control": components["headers"]["Cache-Control"];
                    /** @description Only for a cookie caller: its new session cookie. */
                    "Set-Cookie"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TokenResponse"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            413: components["responses"]["ContentTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            /** @description A body value is invalid (`errors` lists each bad field), or `current_password` is not the account's password (`errors: [{ "path": "current_password", "message": "is incorrect" }]`), which counts as a failed sign-in of this email. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDocument"];
                };
            };
            /** @description Too many failed sign-ins for this email in the last 15 minutes (wrong passwords here count too); nothing was checked. */
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
    listSessions: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                user_id: components["parameters"]["UserId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The sessions, newest first. */
            200: {
                headers: {
                    "Cache-Control": components["headers"]["Cache-Control"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Session"][];
                };
            };
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            413: components["responses"]["ContentTooLarge"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    endAllSessions: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                user_id: components["parameters"]["UserId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Done. Empty body. */
            204: {
                headers: {
                    "Cache-Control": components["headers"]["Cache-Control"];
                    [name: string]: unknown;
                };
                content?: never;
            };
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            413: components["responses"]["ContentTooLarge"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    endSession: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                user_id: components["parameters"]["UserId"];
                id: components["schemas"]["SessionId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Done. Empty body. */
            204: {
                headers: {
                    "Cache-Control": components["headers"]["Cache-Control"];
                    [name: string]: unknown;
                };
                content?: never;
            };
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            /** @description No such session for this user. A session of another user answers the same: `detail: "Session not found"`. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDocument"];
                };
            };
            413: components["responses"]["ContentTooLarge"];
            422: components["responses"]["ValidationFailed"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    listTokens: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                user_id: components["parameters"]["UserId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The tokens, newest first. */
            200: {
                headers: {
                    "Cache-Control": components["headers"]["Cache-Control"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Token"][];
                };
            };
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            413: components["responses"]["ContentTooLarge"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    createToken: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                user_id: components["parameters"]["UserId"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateTokenBody"];
            };
        };
        responses: {
            /** @description The new token, with its secret. */
            201: {
                headers: {
                    "Cache-Control": components["headers"]["Cache-Control"];
                    Location: components["headers"]["Location"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["NewToken"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            /** @description The account has 50 personal access tokens already. */
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
    revokeToken: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                user_id: components["parameters"]["UserId"];
                id: components["schemas"]["TokenId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Done. Empty body. */
            204: {
                headers: {
                    "Cache-Control": components["headers"]["Cache-Control"];
                    [name: string]: unknown;
                };
                content?: never;
            };
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            /** @description No such token for this user. Another user's answers the same. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDocument"];
                };
            };
            413: components["responses"]["ContentTooLarge"];
            422: components["responses"]["ValidationFailed"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    openCalendarFeed: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                user_id: components["parameters"]["UserId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The new address (shown this once). */
            201: {
                headers: {
                    "Cache-Control": components["headers"]["Cache-Control"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CalendarFeed"];
                };
            };
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            413: components["responses"]["ContentTooLarge"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    closeCalendarFeed: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                user_id: components["parameters"]["UserId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Done. Empty body. */
            204: {
                headers: {
                    "Cache-Control": components["headers"]["Cache-Control"];
                    [name: string]: unknown;
                };
                content?: never;
            };
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            413: components["responses"]["ContentTooLarge"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    getCalendarFeed: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The secret and `.ics`, as `POST /api/{user_id}/calendar-feed` answered it. */
                file: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The calendar (RFC 5545). */
            200: {
                headers: {
                    /** @description The version of this calendar. */
                    ETag?: string;
                    /** @description `private, no-cache`. */
                    "Cache-Control"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "text/calendar": string;
                };
            };
            /** @description `If-None-Match` names the current version. Empty body. */
            304: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description No feed has this address: it was turned off, replaced, or never was. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDocument"];
                };
            };
            413: components["responses"]["ContentTooLarge"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    listNotifications: {
        parameters: {
            query?: {
                /** @description `true`: only unread ones; `false`: only read ones; left out: all. */
                unread?: boolean;
                /** @description Page size. */
                limit?: number;
                /** @description Opaque: taken from the `Link: <…>; rel="next"` header of the previous page, with the same `unread` (else 422). */
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
            /** @description A page of notifications. */
            200: {
                headers: {
                    "Cache-Control": components["headers"]["Cache-Control"];
                    /** @description How many notifications match `unread`, over all pages. */
                    "X-Total-Count"?: number;
                    /** @description Present while more remain: `<…?cursor=…>; rel="next"`. */
                    Link?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Notification"][];
                };
            };
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            413: components["responses"]["ContentTooLarge"];
            /** @description `unread`, `limit` or `cursor` is invalid (a cursor of another filter or user too). */
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
    markNotificationsRead: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                user_id: components["parameters"]["UserId"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["MarkNotificationsReadBody"];
            };
        };
        responses: {
            /** @description Done. Empty body. */
            204: {
                headers: {
                    "Cache-Control": components["headers"]["Cache-Control"];
                    [name: string]: unknown;
                };
                content?: never;
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            413: components["responses"]["ContentTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["ValidationFailed"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    getPushKey: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The key. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PushKey"];
                };
            };
            /** @description Web Push is off on this server (no VAPID keys are set). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDocument"];
                };
            };
            413: components["responses"]["ContentTooLarge"];
            500: components["responses"]["InternalError"];
        };
    };
    listPushSubscriptions: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                user_id: components["parameters"]["UserId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Oldest first. */
            200: {
                headers: {
                    "Cache-Control": components["headers"]["Cache-Control"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PushSubscription"][];
                };
            };
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            413: components["responses"]["ContentTooLarge"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    createPushSubscription: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                user_id: components["parameters"]["UserId"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["PushSubscriptionBody"];
            };
        };
        responses: {
            /** @description The subscription. */
            201: {
                headers: {
                    "Cache-Control": components["headers"]["Cache-Control"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PushSubscription"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            413: components["responses"]["ContentTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            /** @description A field is invalid, or the endpoint is not one the server may send to (not https, not public, not resolving). */
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
    deletePushSubscription: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                user_id: components["parameters"]["UserId"];
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Done. Empty body. */
            204: {
                headers: {
                    "Cache-Control": components["headers"]["Cache-Control"];
                    [name: string]: unknown;
                };
                content?: never;
            };
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            /** @description No subscription of the caller's has this id. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDocument"];
                };
            };
            413: components["responses"]["ContentTooLarge"];
            /** @description `id` is not a UUID. */
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
    exportTasks: {
        parameters: {
            query?: {
                /** @description `json` (the default): the export document; `csv`: one row per task. */
                format?: "json" | "csv";
            };
            header?: never;
            path: {
                user_id: components["parameters"]["UserId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The export, as an attachment named `todo-export-YYYY-MM-DD.json` (or `.csv`), the date in UTC. */
            200: {
                headers: {
                    /** @description `attachment; filename="todo-export-2026-11-21.json"` */
                    "Content-Disposition"?: string;
                    "Cache-Control": components["headers"]["Cache-Control"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ExportDocument"];
                    /**
                     * @example title,description,completed,due_date,due_time,priority,labels,repeat,created_at,project,parent
                     *     Pay rent,,false,2026-12-01,09:00,high,home;money,month,2026-11-21T23:10:00.000Z,,
                     *     Paint the fence,,false,,,none,,,2026-11-21T23:12:00.000Z,Garden,
                     *     Buy paint,,false,,,low,,,2026-11-21T23:13:00.000Z,Garden,row 3
                     */
                    "text/csv": string;
                };
            };
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            413: components["responses"]["ContentTooLarge"];
            422: components["responses"]["ValidationFailed"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    importTasks: {
        parameters: {
            query?: {
                /** @description `true`: check the file as an import would and answer `200` with what it would create; nothing is written, and `Idempotency-Key` is not used. */
                dry_run?: boolean;
                /** @description Another app's file: `todoist` (a project's CSV as Todoist exports it, `text/csv`, or a zip of several, `application/zip`, each a project named by its file), `ticktick` (its backup CSV, `text/csv`; its Inbox is the Inbox), `google-tasks` (Google Takeout's `Tasks.json`, `application/json`, or the Takeout zip holding it). Lists become projects, priorities map (Todoist 1 → high … 4 → none; TickTick 5/3/1/0), indents and parents become subtasks, labels and tags labels, dates and times keep their wall clock, completed tasks stay completed, repeats `repeat` can express become `repeat`. What cannot be carried over exactly is imported as well as it can be and listed in `warnings` with its place. */
                from?: "todoist" | "ticktick" | "google-tasks";
                /** @description With `from=todoist` and one CSV: the project its tasks go to (default "Imported from Todoist"). */
                project?: string;
            };
            header?: {
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
            };
            path: {
                user_id: components["parameters"]["UserId"];
            };
            cookie?: never;
        };
        /** @description An export, at most 10 MiB. */
        requestBody: {
            content: {
                "application/json": components["schemas"]["ImportDocument"];
                /**
                 * @example title,description,completed,due_date,due_time,priority,labels,repeat,created_at,project,parent
                 *     Paint the fence,,false,,,none,,,,Garden,
                 *     Buy paint,,false,,,low,,,,,row 2
                 */
                "text/csv": string;
                "application/zip": string;
            };
        };
        responses: {
            /** @description Dry run: what the import would create. */
            200: {
                headers: {
                    "Cache-Control": components["headers"]["Cache-Control"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ImportResult"];
                };
            };
            /** @description Imported (or, for a repeated `Idempotency-Key` with the same file, the first answer again). */
            201: {
                headers: {
                    "Cache-Control": components["headers"]["Cache-Control"];
                    "Idempotent-Replayed": components["headers"]["Idempotent-Replayed"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ImportResult"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            /** @description Rare: the `Idempotency-Key` expired and was taken by another request while this one waited for it; retry. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDocument"];
                };
            };
            /** @description The body is over 10 MiB. */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDocument"];
                };
            };
            /** @description The body is neither `application/json` nor `text/csv` (nor, with `from`, `application/zip`), or not what the `from` app exports. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDocument"];
                };
            };
            /** @description Nothing was imported. `errors` lists each problem (the first 100) with its place: `tasks[12].title`, `tasks[12].parent`, `labels[0].color` (JSON) or `row 13: title`, `row 13: parent` (CSV); `tasks` when the account would hold more than 50000 tasks, `projects` when the caller would own more than 300 projects. Also a malformed `Idempotency-Key`, or one used with another file. */
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
    listTaskChanges: {
        parameters: {
            query?: {
                /** @description Opaque: the `cursor` of a previous answer. Without it, a full sync: every task of the caller. */
                since?: string;
                /** @description At most this many changed tasks and deleted ids in one answer. */
                limit?: number;
            };
            header?: never;
            path: {
                user_id: components["parameters"]["UserId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of changes. */
            200: {
                headers: {
                    "Cache-Control": components["headers"]["Cache-Control"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Changes"];
                };
            };
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            /** @description The cursor is older than the 30 days deleted ids are kept (or the database was restored to an earlier state): start again with a full sync, without `since`. */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDocument"];
                };
            };
            413: components["responses"]["ContentTooLarge"];
            /** @description `since` is not a changes cursor of the caller's (another user's, edited, or a list cursor), or `limit` is out of range: `errors[].path` names it. */
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
    streamEvents: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                user_id: components["parameters"]["UserId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The stream. */
            200: {
                headers: {
                    /** @description `no-store, no-transform`: no proxy may buffer or compress it. */
                    "Cache-Control"?: string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example retry: 2000
                     *     : connected
                     *
                     *     event: changed
                     *     data: {"cursor":"eyJr…"}
                     */
                    "text/event-stream": string;
                };
            };
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            413: components["responses"]["ContentTooLarge"];
            500: components["responses"]["InternalError"];
            /** @description The server is restarting (or the database is unavailable): reconnect after `Retry-After` seconds. */
            503: {
                headers: {
                    "Retry-After": components["headers"]["Retry-After"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDocument"];
                };
            };
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
            /** @description Too many signups from this client address in the last hour (`SIGNUP_LIMIT_PER_HOUR`, 10 by default). Retry after `Retry-After` seconds. */
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
            /** @description The database is unreachable, or this server is already checking as many passwords as it queues (a flood of sign-ins): retry after `Retry-After` seconds. */
            503: {
                headers: {
                    "Retry-After": components["headers"]["Retry-After"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDocument"];
                };
            };
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
            /** @description Too many failed attempts for this email in the last 15 minutes, or from this client address across all emails (`FAILED_SIGNIN_LIMIT_PER_15_MIN`, 100 by default). Retry after `Retry-After` seconds. */
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
            /** @description The database is unreachable, or this server is already checking as many passwords as it queues (a flood of sign-ins): retry after `Retry-After` seconds. */
            503: {
                headers: {
                    "Retry-After": components["headers"]["Retry-After"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDocument"];
                };
            };
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
            413: components["responses"]["ContentTooLarge"];
        };
    };
    getBrowserSession: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The session, or null. */
            200: {
                headers: {
                    /** @description The session cookie, refreshed or cleared. */
                    "Set-Cookie"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["BrowserSession"];
                };
            };
            413: components["responses"]["ContentTooLarge"];
        };
    };
    signOutBrowser: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/x-www-form-urlencoded": {
                    /** @description From `GET /api/auth/csrf`. */
                    csrfToken: string;
                    /** @description Where to go afterwards: a path or a URL of this site (anything else goes to `/login`). */
                    callbackUrl?: string;
                };
            };
        };
        responses: {
            /** @description With `X-Auth-Return-Redirect: 1`, the same outcome as JSON: where the redirect would go. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        url: string;
                    };
                };
            };
            /** @description A redirect; the session cookie is cleared (`Set-Cookie` with `Max-Age=0`). */
            302: {
                headers: {
                    Location?: string;
                    "Set-Cookie"?: string;
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description The form is over 8 KiB. */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDocument"];
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
            /** @description With `X-Auth-Return-Redirect: 1`, the same outcome as JSON: where the redirect would go. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        url: string;
                    };
                };
            };
            /** @description A redirect. On success it sets the session cookie (`authjs.session-token`, `__Secure-authjs.session-token` over https); on failure it sets none and the redirect's URL carries `error=CredentialsSignin`, plus `code=locked:<seconds>` while the per-email limit refuses sign-ins. */
            302: {
                headers: {
                    Location?: string;
                    "Set-Cookie"?: string;
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description The form is over 8 KiB. */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDocument"];
                };
            };
            /** @description The email is locked by its failed attempts, or this client address has too many failed sign-ins: answered before next-auth runs, instead of its redirect. Retry after `Retry-After` seconds. */
            429: {
                headers: {
                    "Retry-After": components["headers"]["Retry-After"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDocument"];
                };
            };
            /** @description The database is unreachable, or this server is already checking as many passwords as it queues (a flood of sign-ins): retry after `Retry-After` seconds. */
            503: {
                headers: {
                    "Retry-After": components["headers"]["Retry-After"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDocument"];
                };
            };
        };
    };
    listWebhooks: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                user_id: components["parameters"]["UserId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The webhooks. */
            200: {
                headers: {
                    "Cache-Control": components["headers"]["Cache-Control"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Webhook"][];
                };
            };
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            413: components["responses"]["ContentTooLarge"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    createWebhook: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                user_id: components["parameters"]["UserId"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateWebhookBody"];
            };
        };
        responses: {
            /** @description The webhook, with its secret. */
            201: {
                headers: {
                    "Cache-Control": components["headers"]["Cache-Control"];
                    Location: components["headers"]["Location"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["NewWebhook"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            /** @description The account has 20 webhooks already. */
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
    getWebhook: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                user_id: components["parameters"]["UserId"];
                id: components["schemas"]["WebhookId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The webhook. */
            200: {
                headers: {
                    "Cache-Control": components["headers"]["Cache-Control"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Webhook"];
                };
            };
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            /** @description No such webhook for this user. Another user's answers the same. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDocument"];
                };
            };
            413: components["responses"]["ContentTooLarge"];
            422: components["responses"]["ValidationFailed"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    deleteWebhook: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                user_id: components["parameters"]["UserId"];
                id: components["schemas"]["WebhookId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Done. Empty body. */
            204: {
                headers: {
                    "Cache-Control": components["headers"]["Cache-Control"];
                    [name: string]: unknown;
                };
                content?: never;
            };
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            /** @description No such webhook for this user. Another user's answers the same. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDocument"];
                };
            };
            413: components["responses"]["ContentTooLarge"];
            422: components["responses"]["ValidationFailed"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    updateWebhook: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                user_id: components["parameters"]["UserId"];
                id: components["schemas"]["WebhookId"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["PatchWebhookBody"];
            };
        };
        responses: {
            /** @description The webhook, changed. */
            200: {
                headers: {
                    "Cache-Control": components["headers"]["Cache-Control"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Webhook"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            /** @description No such webhook for this user. Another user's answers the same. */
            404: {
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
    listWebhookDeliveries: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                user_id: components["parameters"]["UserId"];
                id: components["schemas"]["WebhookId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The deliveries. */
            200: {
                headers: {
                    "Cache-Control": components["headers"]["Cache-Control"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WebhookDelivery"][];
                };
            };
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            /** @description No such webhook for this user. Another user's answers the same. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDocument"];
                };
            };
            413: components["responses"]["ContentTooLarge"];
            422: components["responses"]["ValidationFailed"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    testWebhook: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                user_id: components["parameters"]["UserId"];
                id: components["schemas"]["WebhookId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Queued. Empty body. */
            202: {
                headers: {
                    "Cache-Control": components["headers"]["Cache-Control"];
                    [name: string]: unknown;
                };
                content?: never;
            };
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            /** @description No such webhook for this user. Another user's answers the same. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDocument"];
                };
            };
            413: components["responses"]["ContentTooLarge"];
            422: components["responses"]["ValidationFailed"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    mcp: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": Record<string, never>;
            };
        };
        responses: {
            /** @description The JSON-RPC response. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": Record<string, never>;
                };
            };
            /** @description A notification or response was accepted; no body. */
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Not a JSON-RPC message, or an unsupported `MCP-Protocol-Version`. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": Record<string, never>;
                };
            };
            401: components["responses"]["Unauthorized"];
            /** @description `Accept` does not name both `application/json` and `text/event-stream`. */
            406: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": Record<string, never>;
                };
            };
            /** @description The message is over 64 KiB: a problem document when its `Content-Length` says so, else a JSON-RPC error. */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDocument"];
                    "application/json": Record<string, never>;
                };
            };
            /** @description The body is not `application/json`. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": Record<string, never>;
                };
            };
            500: components["responses"]["InternalError"];
            503: components["responses"]["ServiceUnavailable"];
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
            413: components["responses"]["ContentTooLarge"];
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
            413: components["responses"]["ContentTooLarge"];
        };
    };
    purgeExpiredRecords: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description How many records went. */
            200: {
                headers: {
                    "Cache-Control": components["headers"]["Cache-Control"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        purged: {
                            idempotency_keys: number;
                            address_attempts: number;
                            /** @description Deleted task and label ids past the 31 days the changes feed keeps them. */
                            tombstones: number;
                            /** @description Webhook deliveries finished more than 7 days ago. */
                            webhook_deliveries: number;
                        };
                    };
                };
            };
            /** @description Not the scheduler: the `Authorization` header is not `Bearer <CRON_SECRET>`. */
            401: {
                headers: {
                    "WWW-Authenticate": components["headers"]["WWW-Authenticate"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDocument"];
                };
            };
            /** @description No `CRON_SECRET` is set on this server: the route is off. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDocument"];
                };
            };
            413: components["responses"]["ContentTooLarge"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    fireDueReminders: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description How many reminders were claimed, and how many notifications written (a dropped reminder has none). */
            200: {
                headers: {
                    "Cache-Control": components["headers"]["Cache-Control"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        reminders: {
                            claimed: number;
                            notified: number;
                        };
                        /** @description Web Push sends: accepted by a push service, subscriptions dropped (their endpoint answered 403, 404 or 410), pushes refused for good (another 4xx), and failures to try again. */
                        pushes: {
                            sent: number;
                            dropped: number;
                            rejected: number;
                            failed: number;
                        };
                    };
                };
            };
            /** @description Not the scheduler: the `Authorization` header is not `Bearer <CRON_SECRET>`. */
            401: {
                headers: {
                    "WWW-Authenticate": components["headers"]["WWW-Authenticate"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDocument"];
                };
            };
            /** @description No `CRON_SECRET` is set on this server: the route is off. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDocument"];
                };
            };
            413: components["responses"]["ContentTooLarge"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    deliverDueWebhooks: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Deliveries answered 2xx, attempts that failed and will be tried again, and deliveries given up. */
            200: {
                headers: {
                    "Cache-Control": components["headers"]["Cache-Control"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        delivered: number;
                        retrying: number;
                        failed: number;
                    };
                };
            };
            /** @description Not the scheduler: the `Authorization` header is not `Bearer <CRON_SECRET>`. */
            401: {
                headers: {
                    "WWW-Authenticate": components["headers"]["WWW-Authenticate"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDocument"];
                };
            };
            /** @description No `CRON_SECRET` is set on this server: the route is off. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDocument"];
                };
            };
            413: components["responses"]["ContentTooLarge"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
}
