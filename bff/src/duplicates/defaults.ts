/**
 * Platform defaults for duplicates and clusters. The regulations ask for the rules (000 §23(4)
 * 多次反映, 000 §23(5) 多个诉求人集中反映) without numbers, so these are the platform's;
 * `findSimilarOpenTickets` takes overrides per call.
 */
export const DUPLICATE_DEFAULTS = {
  /** Open tickets filed within this many days are offered as the same matter. */
  windowDays: 30,
  /** Similar tickets the citizen is offered while filling in the form. */
  offered: 3,
  /** Candidates read per lookup (newest first) before scoring. */
  maxCandidates: 300,
  /** Distinct citizens on one matter (filers, followers, merged) that open a 督办 (000 §23(5)). */
  manyCitizens: 5,
  /** Characters of another citizen's request shown in an offer. */
  summaryChars: 40,
} as const;

export type DuplicateOptions = Partial<Pick<typeof DUPLICATE_DEFAULTS, 'windowDays' | 'maxCandidates'>> & {
  threshold?: number;
  /** Leave out this ticket (the one just filed). */
  excludeNo?: string;
};
