import { z } from 'zod';

// The manual order's positions are lib/position.ts's; this is the move routes' body.
export { positionBetween } from '@/lib/position';

/**
 * The body of a move route: exactly one of `before`, `after` (another item's id) or `to`
 * (`top`, `bottom`). `what` names the items in the descriptions: "task", "project".
 */
export function moveBody(id: string, what: string, anchorNotFound: string) {
  const anchor = z.uuid('must be a UUID');
  return z
    .object({
      before: anchor.optional().meta({ description: `Put the ${what} just above this ${what}.` }),
      after: anchor.optional().meta({ description: `Put the ${what} just below this ${what}.` }),
      to: z.enum(['top', 'bottom']).optional().meta({ description: `Put the ${what} at the top or the bottom.` }),
    })
    .superRefine((body, ctx) => {
      const given = (['before', 'after', 'to'] as const).filter((key) => body[key] !== undefined);
      if (given.length !== 1) ctx.addIssue({ code: 'custom', path: [], message: 'must contain exactly one of before, after, to' });
    })
    .meta({
      id,
      description: `Exactly one of before, after, to. ${anchorNotFound}`,
      minProperties: 1,
      maxProperties: 1,
      examples: [{ before: '0b6f3c1e-8d4a-4f0e-a7f2-3c9d5e1b2a47' }, { to: 'top' }],
    });
}

export type ManualOrderMove = { before?: string; after?: string; to?: 'top' | 'bottom' };
