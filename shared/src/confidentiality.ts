import type { TicketType } from './enums';

/**
 * Whether a new request is confidential (000 §14, 004 §14 「除经反映人同意外，不得向被举报投诉人或
 * 被举报投诉单位提供或透露」): protection is the default; only the citizen's explicit consent
 * (`discloseIdentity: true`) lets the handling units see who filed it, and a 举报 (report) is
 * confidential whatever the form says. `confidential: true` from older clients stays honoured.
 */
export function isConfidentialRequest(type: TicketType, input: { confidential?: boolean; discloseIdentity?: boolean }): boolean {
  if (type === 'report') return true;
  if (input.confidential === true) return true;
  return input.discloseIdentity !== true;
}

/**
 * Confidential only because the citizen gave no consent (not because they asked for secrecy, nor
 * a 举报): such a request is still offered, redacted, to neighbours filing the same matter and
 * counted in 000 §23(5) clusters — nothing of its citizen is shown by that.
 */
export function isConfidentialByDefault(type: TicketType, input: { confidential?: boolean; discloseIdentity?: boolean }): boolean {
  return type !== 'report' && input.confidential !== true && input.discloseIdentity !== true;
}

/** The consent as the submit schemas document it. */
export const DISCLOSE_IDENTITY_DESCRIPTION =
  '004 §14, 000 §14: the citizen explicitly agrees that the handling units (possibly the one complained about) see their name and phone. Absent or false: the request is confidential — unit staff see no contact and no account, the texts redacted. Ignored for 举报 (report): always confidential.';
export const CONFIDENTIAL_DESCRIPTION = 'kept for older clients: true keeps the request confidential; false no longer discloses anything — only discloseIdentity: true does';
