import 'server-only';
import { DomainError, InvalidFields } from '@/lib/errors';
import { PROJECT_MEMBERS_MAX, PROJECTS_PER_USER_MAX } from '@/lib/limits';

/** A project the caller is not a member of (another user's project is not found either). */
export class ProjectNotFound extends DomainError {
  constructor() {
    super(404, 'Project not found');
  }
}

/** A write to a project, or to a task in it, by a member who may only read it (a viewer). */
export class ProjectReadOnly extends DomainError {
  constructor() {
    super(403, 'You may only read this project');
  }
}

/** Something only the project's owner may do (delete it). */
export class NotProjectOwner extends DomainError {
  constructor(what: string) {
    super(403, `Only the project's owner may ${what}`);
  }
}

/**
 * The project's owner already has a project of that name (case-insensitively): the caller, on a
 * create; on a rename, the owner, who may be someone else (an editor renames a shared project).
 */
export class ProjectNameTaken extends DomainError {
  constructor(on: 'create' | 'rename') {
    super(409, on === 'create' ? 'You already own a project with this name' : "The project's owner already has a project with this name");
  }
}

/** The caller owns as many projects as a user may (drizzle/0011, projects_check_limit). */
export class ProjectLimitReached extends InvalidFields {
  constructor() {
    super([{ path: 'name', message: `you own ${PROJECTS_PER_USER_MAX} projects, the most a user may; delete one first` }]);
  }
}

/** A sidebar move's anchor (`before`/`after`) is not a project the caller is a member of. */
export class MoveAnchorNotFound extends DomainError {
  constructor() {
    super(404, 'The anchor project was not found');
  }
}

/** A sidebar move names the project itself as its anchor. */
export class MoveAnchorIsProject extends InvalidFields {
  constructor(field: 'before' | 'after') {
    super([{ path: field, message: 'must be another project than the one moved' }]);
  }
}

/** A `{member_id}` that is not a member of the project. */
export class MemberNotFound extends DomainError {
  constructor() {
    super(404, 'Member not found');
  }
}

/** The owner tries to leave, or to give up the role without handing the project over. */
export class OwnerMustHandOver extends DomainError {
  constructor(what: string) {
    super(422, `The owner cannot ${what}: hand the project over to another member first (PATCH their role to owner)`);
  }
}

/** The member a project is handed to already owns a project of its name. */
export class HeirHasProjectName extends DomainError {
  constructor() {
    super(409, 'The new owner already owns a project with this name; rename it first');
  }
}

/** An invitation that is not the caller's to see: another user's, an expired or a used one. */
export class InvitationNotFound extends DomainError {
  constructor() {
    super(404, 'Invitation not found');
  }
}

/** The email is a member already, or has a pending invitation to the project. */
export class AlreadyInvited extends DomainError {
  constructor(member: boolean) {
    super(409, member ? 'This email belongs to a member of the project already' : 'This email has a pending invitation to the project already');
  }
}

/** The project has as many members and pending invitations as it may (drizzle/0012). */
export class MemberLimitReached extends InvalidFields {
  constructor() {
    super([{ path: 'email', message: `the project has ${PROJECT_MEMBERS_MAX} members and pending invitations, the most it may; cancel an invitation or remove a member first` }]);
  }
}
