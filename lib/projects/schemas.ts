import 'server-only';
import { z } from 'zod';
import { LabelColor } from '@/lib/labels/schemas';
import { codePoints, hasNoNul, PROJECT_NAME_MAX, PROJECTS_PER_USER_MAX } from '@/lib/limits';
import { moveBody } from '@/lib/manual-order';
import { userText } from '@/lib/text';

// What project requests may carry and what a project looks like over HTTP; the routes validate
// with these schemas and lib/openapi/projects.ts documents them.

export const ROLES = ['owner', 'editor', 'viewer'] as const;
export type Role = (typeof ROLES)[number];

/** A project's name as clients send it: trimmed, then 1-120 code points, no U+0000. */
export const ProjectName = userText()
  .trim()
  .refine(hasNoNul, { error: 'must not contain U+0000', abort: true })
  .refine((s) => codePoints(s) >= 1 && codePoints(s) <= PROJECT_NAME_MAX, `must be 1-${PROJECT_NAME_MAX} characters after trimming`)
  .meta({
    id: 'ProjectName',
    minLength: 1,
    maxLength: PROJECT_NAME_MAX,
    description: `Trimmed, then 1 to ${PROJECT_NAME_MAX} characters (Unicode code points); unique among the projects a user owns, case-insensitively.`,
    examples: ['Home'],
  });

export const ProjectIdParam = z.uuid('must be a UUID').meta({
  id: 'ProjectId',
  description: 'The id of a project; a value that is not a UUID answers 422.',
  examples: ['3f1c2b7a-5d4e-4a6b-9c8d-7e6f5a4b3c2d'],
});

export const ProjectPathParams = z.object({ id: ProjectIdParam });

export const ProjectSchema = z
  .object({
    id: z.uuid(),
    name: z.string().meta({ minLength: 1, maxLength: PROJECT_NAME_MAX }),
    color: LabelColor,
    role: z.enum(ROLES).meta({ description: "The caller's role: owner, editor (reads and writes its tasks) or viewer (reads them)." }),
    shared: z.boolean().meta({ description: 'It has a member besides its owner.' }),
    open_count: z.int().min(0).meta({ description: 'How many of its tasks are open (not completed).' }),
    position: z.string().meta({ description: "The project's place in the caller's sidebar: opaque; projects sort by it as byte strings." }),
    created_at: z.iso.datetime().meta({ description: 'UTC, millisecond precision; never changes.' }),
    updated_at: z.iso.datetime().meta({ description: 'UTC, millisecond precision; moves forward when it is renamed or recoloured.' }),
  })
  .meta({
    id: 'Project',
    description: `A list of tasks; every user also has an Inbox (tasks with project_id null), which is never shared. A user owns at most ${PROJECTS_PER_USER_MAX} projects.`,
    examples: [
      {
        id: '3f1c2b7a-5d4e-4a6b-9c8d-7e6f5a4b3c2d',
        name: 'Home',
        color: 'green',
        role: 'owner',
        shared: false,
        open_count: 4,
        position: 'z0000000000000005V',
        created_at: '2026-11-21T23:10:00.000Z',
        updated_at: '2026-11-21T23:10:00.000Z',
      },
    ],
  });

export type ProjectJson = z.output<typeof ProjectSchema>;

export const CreateProjectBody = z
  .object({
    name: ProjectName,
    color: LabelColor.optional().meta({ description: 'Defaults to grey.' }),
  })
  .meta({
    id: 'CreateProjectBody',
    description: `A new project, owned by the caller, at the end of their sidebar. A name the caller's projects already have (case-insensitively) answers 409; past ${PROJECTS_PER_USER_MAX} owned projects, 422.`,
    examples: [{ name: 'Home', color: 'green' }],
  });

export type CreateProjectInput = z.output<typeof CreateProjectBody>;

export const PatchProjectBody = z
  .object({
    name: ProjectName.optional(),
    color: LabelColor.optional(),
  })
  .refine((body) => body.name !== undefined || body.color !== undefined, { message: 'must contain at least one of name, color' })
  .meta({
    id: 'PatchProjectBody',
    description: "Renames or recolours a project (its owner or an editor). Another of the owner's project names (case-insensitively) answers 409.",
    minProperties: 1,
    examples: [{ name: 'Home and garden' }, { color: 'blue' }],
  });

export type ProjectChanges = z.output<typeof PatchProjectBody>;

export const MoveProjectBody = moveBody(
  'MoveProjectBody',
  'project',
  "Orders the caller's own sidebar; each member orders theirs. An anchor the caller cannot see answers 404; the project itself as anchor, 422.",
);

export type MoveProjectInput = z.output<typeof MoveProjectBody>;

// ---- Sharing: members and invitations ----

export const MemberIdParam = z.uuid('must be a UUID').meta({
  id: 'MemberId',
  description: "A member's user id (`user_id` in the members list); a value that is not a UUID answers 422.",
  examples: ['8c2d4e6f-1a3b-4c5d-8e9f-0a1b2c3d4e5f'],
});

export const MemberPathParams = z.object({ id: ProjectIdParam, member_id: MemberIdParam });

export const MemberSchema = z
  .object({
    user_id: z.uuid(),
    email: z.string(),
    name: z.string().nullable(),
    role: z.enum(ROLES),
    joined_at: z.iso.datetime(),
  })
  .meta({
    id: 'Member',
    description: 'A member of a project, as every member sees them.',
    examples: [{ user_id: '8c2d4e6f-1a3b-4c5d-8e9f-0a1b2c3d4e5f', email: 'ada@example.com', name: 'Ada', role: 'editor', joined_at: '2026-11-21T23:10:00.000Z' }],
  });

export type MemberJson = z.output<typeof MemberSchema>;

export const PatchMemberBody = z
  .object({ role: z.enum(ROLES) })
  .meta({
    id: 'PatchMemberBody',
    description: "The member's new role (the owner only). `owner` hands the project over: the member becomes its owner and the caller an editor.",
    examples: [{ role: 'viewer' }, { role: 'owner' }],
  });

export const INVITED_ROLES = ['editor', 'viewer'] as const;

export const InvitationIdParam = z.uuid('must be a UUID').meta({
  id: 'InvitationId',
  description: 'The id of an invitation; a value that is not a UUID answers 422.',
  examples: ['6a7b8c9d-0e1f-4a2b-8c3d-4e5f6a7b8c9d'],
});

export const ProjectInvitationPathParams = z.object({ id: ProjectIdParam, inv_id: InvitationIdParam });
export const InvitationPathParams = z.object({ inv_id: InvitationIdParam });

/** An email as accounts store it: trimmed and lower-case (users_email_normalized). */
const InviteeEmail = z
  .string()
  .trim()
  .toLowerCase()
  .pipe(z.email('must be an email address').max(254, 'must be at most 254 characters'))
  .meta({ description: 'Whom to invite, whether or not they have an account (the answer is the same either way).', examples: ['ada@example.com'] });

export const CreateInvitationBody = z
  .object({ email: InviteeEmail, role: z.enum(INVITED_ROLES) })
  .meta({ id: 'CreateInvitationBody', description: 'An invitation to the project (the owner only), valid 14 days.', examples: [{ email: 'ada@example.com', role: 'editor' }] });

export type CreateInvitationInput = z.output<typeof CreateInvitationBody>;

export const InvitationSchema = z
  .object({
    id: z.uuid(),
    project: z.object({ id: z.uuid(), name: z.string() }),
    email: z.string(),
    role: z.enum(INVITED_ROLES),
    invited_by: z.object({ name: z.string().nullable(), email: z.string() }),
    created_at: z.iso.datetime(),
    expires_at: z.iso.datetime(),
  })
  .meta({
    id: 'Invitation',
    description: 'A pending invitation to a project: accepted or declined by the person the email belongs to, or cancelled by the owner; it expires after 14 days.',
    examples: [
      {
        id: '6a7b8c9d-0e1f-4a2b-8c3d-4e5f6a7b8c9d',
        project: { id: '3f1c2b7a-5d4e-4a6b-9c8d-7e6f5a4b3c2d', name: 'Home' },
        email: 'ada@example.com',
        role: 'editor',
        invited_by: { name: 'Grace', email: 'grace@example.com' },
        created_at: '2026-11-21T23:10:00.000Z',
        expires_at: '2026-12-05T23:10:00.000Z',
      },
    ],
  });

export type InvitationJson = z.output<typeof InvitationSchema>;
