/** Limits shared by the submit form and the BFF: one number, both sides. */

// Media limits live in media-limits.ts (one definition for uploads, forms and schemas).
export * from './media-limits';

/** Characters of the request text (after trimming). */
export const CONTENT_LIMITS = { min: 5, max: 2000 } as const;

/** Maximum lengths of the other free-text fields. */
export const TEXT_LIMITS = {
  note: 1000,
  reason: 500,
  result: 5000,
  comment: 500,
  name: 50,
  address: 200,
  title: 100,
  query: 100,
} as const;

export const PAGE_LIMITS = { default: 20, max: 100 } as const;
