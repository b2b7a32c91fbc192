import 'server-only';

// Entity tags in request headers (RFC 9110 §8.8.3, §13.1): the parsing, and If-None-Match.

const ENTITY_TAG = /(W\/)?"([\x21\x23-\x7e\x80-\xff]*)"/g;

export function entityTags(header: string): { weak: boolean; opaque: string }[] {
  return [...header.matchAll(ENTITY_TAG)].map((m) => ({ weak: Boolean(m[1]), opaque: m[2] ?? '' }));
}

/** Whether an `If-None-Match` header names this version (weak comparison, as RFC 9110 asks). */
export function ifNoneMatchHits(header: string | null, etag: string): boolean {
  if (header === null) return false;
  if (header.trim() === '*') return true;
  return entityTags(header).some((tag) => `"${tag.opaque}"` === etag);
}
