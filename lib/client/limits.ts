import { codePoints, DESCRIPTION_MAX, PROJECT_NAME_MAX, TASK_LEVELS_MAX, TITLE_MAX } from '@/lib/limits';

// The form's checks use the server's own limits, counted in Unicode code points as the server
// counts them (an HTML maxLength counts UTF-16 units and would refuse titles the API accepts).
export { codePoints, DESCRIPTION_MAX, PROJECT_NAME_MAX, TASK_LEVELS_MAX, TITLE_MAX };

/** Why a task's title and description cannot be sent as typed, or null when they can. */
export function draftProblem(title: string, description: string): string | null {
  if (!title.trim()) return 'Give the task a title.';
  if (codePoints(title.trim()) > TITLE_MAX) return `Keep the title under ${TITLE_MAX + 1} characters.`;
  if (codePoints(description) > DESCRIPTION_MAX) return `Keep the description under ${DESCRIPTION_MAX + 1} characters.`;
  return null;
}
