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
