import 'server-only';
import { z } from 'zod';

/**
 * A text field as people send it, made well-formed before any check: a lone surrogate (`"\ud800"`
 * in JSON), which UTF-8 and so PostgreSQL cannot hold, becomes U+FFFD. The drivers would do the
 * same on the way in, but after validation, where the app's own lookups (an import's label names)
 * still hold the original; done here, every route stores the same text for the same input, and
 * counts its length as stored.
 */
export function userText(params?: Parameters<typeof z.string>[0]) {
  return z.string(params).overwrite((text) => text.toWellFormed());
}
