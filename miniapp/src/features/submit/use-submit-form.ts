import { useCallback, useEffect, useRef, useState } from 'react';
import { createTicket } from '../../services/api';
import { messageOf } from '../../services/errors';
import type { TicketView } from '../../services/types';
import type { LocalMedia } from '../../platform/types';
import { clearDraft, loadDraft, saveDraft } from './draft';
import { EMPTY_FORM, newIdempotencyKey, validateSubmit, type FieldErrors, type FormAttachment, type SubmitForm } from './form';
import { useMediaUploads } from './use-media-uploads';

export interface SubmitFormApi {
  form: SubmitForm;
  errors: FieldErrors;
  restored: boolean;
  submitting: boolean;
  update: (patch: Partial<SubmitForm>) => void;
  /** Fills the contact fields only while both are still empty (never overwrites what was typed). */
  prefillContact: (name: string, phone: string) => void;
  addMedia: (items: LocalMedia[]) => string | undefined;
  removeAttachment: (id: string) => void;
  cancelUpload: (id: string) => void;
  retryUpload: (id: string) => void;
  discardDraft: () => void;
  submit: () => Promise<TicketView | undefined>;
}

/**
 * The submit form's state: restores the saved draft, autosaves every change, uploads media as
 * soon as they are picked, and submits with an idempotency key that survives retries and restarts.
 */
export function useSubmitForm(initial: Partial<SubmitForm> = {}): SubmitFormApi {
  const [restoredDraft] = useState(() => loadDraft());
  const [form, setForm] = useState<SubmitForm>(() => ({ ...EMPTY_FORM, ...restoredDraft, ...pickDefined(initial) }));
  const [errors, setErrors] = useState<FieldErrors>({});
  const [submitting, setSubmitting] = useState(false);
  const formRef = useRef(form);
  formRef.current = form;

  useEffect(() => {
    const timer = setTimeout(() => saveDraft(form), 400);
    return () => clearTimeout(timer);
  }, [form]);

  const update = useCallback((patch: Partial<SubmitForm>) => {
    setForm((f) => ({ ...f, ...patch }));
    setErrors((e) => (Object.keys(e).length ? {} : e));
  }, []);

  const prefillContact = useCallback((contactName: string, contactPhone: string) => {
    setForm((f) => (f.contactName || f.contactPhone ? f : { ...f, contactName, contactPhone }));
  }, []);

  const updateAttachments = useCallback((fn: (list: FormAttachment[]) => FormAttachment[]) => {
    setForm((f) => ({ ...f, attachments: fn(f.attachments) }));
  }, []);
  const { addMedia, removeAttachment, cancelUpload, retryUpload } = useMediaUploads(form.attachments, updateAttachments);

  const discardDraft = useCallback(() => {
    clearDraft();
    setForm({ ...EMPTY_FORM, ...pickDefined(initial) });
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  const submit = useCallback(async () => {
    const current = formRef.current;
    const key = current.idempotencyKey ?? newIdempotencyKey();
    const checked = validateSubmit(current, key);
    if (!checked.ok) {
      setErrors(checked.errors);
      return undefined;
    }
    // Keep the key before sending: if the answer is lost, the retry (even after a restart) reuses it.
    const keyed = { ...current, idempotencyKey: key };
    setForm(keyed);
    saveDraft(keyed);
    setSubmitting(true);
    try {
      const ticket = await createTicket(checked.payload);
      clearDraft();
      setForm({ ...EMPTY_FORM });
      return ticket;
    } catch (e) {
      setErrors({ form: messageOf(e) });
      return undefined;
    } finally {
      setSubmitting(false);
    }
  }, []);

  return { form, errors, restored: Boolean(restoredDraft), submitting, update, prefillContact, addMedia, removeAttachment, cancelUpload, retryUpload, discardDraft, submit };
}

function pickDefined(patch: Partial<SubmitForm>): Partial<SubmitForm> {
  return Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined && v !== '')) as Partial<SubmitForm>;
}
