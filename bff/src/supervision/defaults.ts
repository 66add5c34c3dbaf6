/**
 * Supervision thresholds the regulations leave to the platform. The regulation profiles in
 * shared/ carry no such fields yet, so these are platform defaults (each says which article
 * asks for the rule without giving a number); move them into the profile schema when a
 * profile names one.
 */
export const SUPERVISION_DEFAULTS = {
  /** Working days a unit has to answer an automatic 督办 in writing (000 §22(2) 限期书面反馈). */
  feedbackWorkingDays: 3,
  /** 000 §23(4) 「多次反映」: this many open or recent tickets of one citizen on one matter. */
  repeatCount: 3,
  /** …filed within this many calendar days. */
  repeatWindowDays: 30,
  /** Token Jaccard at or above which two requests are "the same matter". */
  repeatSimilarity: 0.5,
  /** 002 §23(3) 「反复退件」: returns of one ticket that call for supervision. */
  returnCount: 2,
} as const;

export type SupervisionDefaults = typeof SUPERVISION_DEFAULTS;
