import 'server-only';
import { hash } from 'node:crypto';
import { entityTags } from '@/lib/http/conditional';

// A task's ETag is strong and names one version: `"<updated_at in ms>-<digest of id and ms>"`.
// updated_at moves forward on every change (a database trigger), so it identifies the version;
// the digest ties the tag to its task, so a tag of one task never matches another.

interface Versioned {
  id: string;
  updatedAt: Date;
}

function digest(id: string, ms: number): string {
  return hash('sha256', `${id.toLowerCase()}:${ms}`, 'base64url').slice(0, 12);
}

export function taskETag(task: Versioned): string {
  const ms = task.updatedAt.getTime();
  return `"${ms}-${digest(task.id, ms)}"`;
}

const LATEST_VERSION_MS = Date.UTC(9999, 11, 31, 23, 59, 59, 999);

/**
 * The versions of task `id` an `If-Match` header accepts: `undefined` when there is no
 * condition (no header, or `*`, which any existing task satisfies), else the `updated_at`
 * values to put into the write's `where` (possibly none: then only a `412` or `404` remains).
 * If-Match compares strongly, so weak tags never match.
 */
export function ifMatchVersions(header: string | null, id: string): Date[] | undefined {
  if (header === null || header.trim() === '*') return undefined;
  const versions: Date[] = [];
  for (const tag of entityTags(header)) {
    const match = /^(\d{1,15})-([\w-]+)$/.exec(tag.opaque);
    if (tag.weak || !match) continue;
    const ms = Number(match[1]);
    // Anyone can compute a tag (the digest only ties it to its task), also one past year 9999,
    // whose ISO form (+010000-…) PostgreSQL refuses: no task has such a version.
    if (ms <= LATEST_VERSION_MS && digest(id, ms) === match[2]) versions.push(new Date(ms));
  }
  return versions;
}
