import 'server-only';
import { DomainError, InvalidFields } from '@/lib/errors';
import { PROJECTS_PER_USER_MAX } from '@/lib/limits';

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

/** The caller already owns a project of that name (case-insensitively). */
export class ProjectNameTaken extends DomainError {
  constructor() {
    super(409, 'You already own a project with this name');
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
