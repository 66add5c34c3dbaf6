import { readStored, removeStored, STORAGE_KEYS, writeStored } from '../../services/storage';
import { EMPTY_FORM, type SubmitForm } from './form';

/**
 * v2: the identity consent `discloseIdentity` replaced v1's `confidential` (issue 12). A v1 draft
 * is still restored, but its `confidential` is dropped and never read as consent: `false` there
 * was only the old default, not the citizen agreeing to be known (004 §14).
 */
interface StoredDraft {
  v: 1 | 2;
  savedAt: number;
  form: SubmitForm & { confidential?: unknown };
}

/** A draft older than this is more likely stale than wanted. */
export const DRAFT_MAX_AGE_MS = 7 * 24 * 3600 * 1000;

/**
 * What survives a closed app: everything typed, and the attachments already uploaded (their keys
 * stay valid on the server). Uploads still running or failed cannot be resumed and are dropped.
 */
export function toDraft(form: SubmitForm): SubmitForm {
  return { ...form, attachments: form.attachments.filter((a) => a.state === 'done' && a.key) };
}

export function hasContent(form: SubmitForm): boolean {
  return Boolean(form.type || form.content.trim() || form.attachments.length || form.address.trim() || form.contactName.trim() || form.contactPhone.trim());
}

export function saveDraft(form: SubmitForm, now = Date.now()): void {
  const draft = toDraft(form);
  if (!hasContent(draft) && !draft.idempotencyKey) {
    removeStored(STORAGE_KEYS.draft);
    return;
  }
  writeStored(STORAGE_KEYS.draft, { v: 2, savedAt: now, form: draft } satisfies StoredDraft);
}

/** The saved draft merged over an empty form (fields added in later versions get their defaults). */
export function loadDraft(now = Date.now()): SubmitForm | undefined {
  const stored = readStored<StoredDraft>(STORAGE_KEYS.draft);
  if (!stored || (stored.v !== 1 && stored.v !== 2) || typeof stored.form !== 'object' || stored.form === null) return undefined;
  if (now - stored.savedAt > DRAFT_MAX_AGE_MS && !stored.form.idempotencyKey) return undefined;
  const { confidential: _old, ...fields } = stored.form;
  const form: SubmitForm = { ...EMPTY_FORM, ...fields, discloseIdentity: stored.v === 2 && fields.discloseIdentity === true };
  return hasContent(form) || form.idempotencyKey ? form : undefined;
}

export function clearDraft(): void {
  removeStored(STORAGE_KEYS.draft);
}
