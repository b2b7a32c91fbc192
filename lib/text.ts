import 'server-only';
import { z } from 'zod';

/**
 * A text field as people send it, made well-formed before any check: a lone surrogate (`"\ud800"`
 * in JSON), which UTF-8 and so PostgreSQL cannot hold, becomes U+FFFD. The drivers did that on
 * the way in anyway, but after validation and only on some paths (an import's label names then
 * no longer matched their own lookup); done here, every route stores the same text for the same
 * input, and counts its length as stored.
 */
export function userText(params?: Parameters<typeof z.string>[0]) {
  return z.string(params).overwrite((text) => text.toWellFormed());
}
