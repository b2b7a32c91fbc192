import 'server-only';
import { PROJECTS_PER_USER_MAX } from '@/lib/limits';
import { errors, JSON_TYPE, jsonBody, NO_STORE, problem, ref, type Json } from '@/lib/openapi/shared';
import { CreateProjectBody, MoveProjectBody, PatchProjectBody, ProjectIdParam, ProjectSchema } from '@/lib/projects/schemas';

// The project routes in the OpenAPI document: their paths, and the zod schemas that become
// components (lib/openapi/document.ts converts them with the rest).

const project = (description: string, headers: Json = {}) => ({
  description,
  headers: { ...NO_STORE, ...headers },
  content: { [JSON_TYPE]: { schema: ref('schemas', 'Project') } },
});

const PROJECT_NOT_FOUND = problem('The caller is not a member of this project. Another user\'s project answers the same: `detail: "Project not found"`.');
const NAME_TAKEN = problem("The project's owner already has a project of this name (case-insensitively).");

/** Request-side (`io: 'input'`) and response-side component schemas. */
export const projectRequestSchemas = { ProjectId: ProjectIdParam, CreateProjectBody, PatchProjectBody, MoveProjectBody };
export const projectResponseSchemas = { Project: ProjectSchema };

const projectPath = [ref('parameters', 'UserId'), { name: 'id', in: 'path', required: true, schema: ref('schemas', 'ProjectId') }];

export const projectPaths: Record<string, Json> = {
  '/api/{user_id}/projects': {
    parameters: [ref('parameters', 'UserId')],
    get: {
      operationId: 'listProjects',
      tags: ['Projects'],
      summary: 'List projects',
      description: "Every project the caller owns or is a member of, in the caller's sidebar order (`position`). The Inbox is not a project: it is the tasks with `project_id: null`.",
      responses: {
        '200': { description: 'The projects.', headers: NO_STORE, content: { [JSON_TYPE]: { schema: { type: 'array', items: ref('schemas', 'Project') } } } },
        ...errors('Unauthorized', 'Forbidden', 'ContentTooLarge', 'InternalError', 'ServiceUnavailable'),
      },
    },
    post: {
      operationId: 'createProject',
      tags: ['Projects'],
      summary: 'Create a project',
      description: 'The caller is its owner; it goes to the end of their sidebar.',
      requestBody: jsonBody('CreateProjectBody'),
      responses: {
        '201': project('The new project.', { Location: ref('headers', 'Location') }),
        ...errors('Unauthorized', 'Forbidden', 'BadRequest', 'ContentTooLarge', 'UnsupportedMediaType', 'InternalError', 'ServiceUnavailable'),
        '409': NAME_TAKEN,
        '422': problem(`A body value is invalid (\`errors\` lists each bad field), or the caller already owns ${PROJECTS_PER_USER_MAX} projects.`),
      },
    },
  },
  '/api/{user_id}/projects/{id}': {
    parameters: projectPath,
    get: {
      operationId: 'getProject',
      tags: ['Projects'],
      summary: 'Get a project',
      responses: {
        '200': project('The project, as the caller sees it.'),
        ...errors('Unauthorized', 'Forbidden', 'ValidationFailed', 'ContentTooLarge', 'InternalError', 'ServiceUnavailable'),
        '404': PROJECT_NOT_FOUND,
      },
    },
    patch: {
      operationId: 'updateProject',
      tags: ['Projects'],
      summary: 'Rename or recolour a project',
      description: 'Its owner or an editor.',
      requestBody: jsonBody('PatchProjectBody'),
      responses: {
        '200': project('The updated project.'),
        ...errors('BadRequest', 'Unauthorized', 'ContentTooLarge', 'UnsupportedMediaType', 'ValidationFailed', 'InternalError', 'ServiceUnavailable'),
        '403': problem('`{user_id}` is not the caller, or the caller may only read this project (a viewer).'),
        '404': PROJECT_NOT_FOUND,
        '409': NAME_TAKEN,
      },
    },
    delete: {
      operationId: 'deleteProject',
      tags: ['Projects'],
      summary: 'Delete a project and its tasks',
      description: 'Its owner only. The project and every task in it go in one transaction; the changes feed reports them deleted.',
      responses: {
        '204': { description: 'Deleted. Empty body.', headers: NO_STORE },
        ...errors('Unauthorized', 'ValidationFailed', 'ContentTooLarge', 'InternalError', 'ServiceUnavailable'),
        '403': problem("`{user_id}` is not the caller, or the caller is a member but not the project's owner."),
        '404': PROJECT_NOT_FOUND,
      },
    },
  },
  '/api/{user_id}/projects/{id}/move': {
    parameters: projectPath,
    post: {
      operationId: 'moveProject',
      tags: ['Projects'],
      summary: "Move a project in the caller's sidebar",
      description:
        "Puts the project just above (`before`) or below (`after`) another of the caller's projects, or at the top or bottom (`to`) of the caller's own sidebar; each member orders theirs. Concurrent moves always leave every project once, with distinct positions.",
      requestBody: jsonBody('MoveProjectBody'),
      responses: {
        '200': project('The moved project, with its new `position`.'),
        ...errors('BadRequest', 'Unauthorized', 'Forbidden', 'ContentTooLarge', 'UnsupportedMediaType', 'InternalError', 'ServiceUnavailable'),
        '404': problem('The caller is not a member of this project, or of the anchor (`before`/`after`).'),
        '422': problem('Not exactly one of before, after, to; an id that is not a UUID; or the project itself as its anchor.'),
      },
    },
  },
};
