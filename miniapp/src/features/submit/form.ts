import {
  CONTENT_LIMITS,
  createTicketSchema,
  type CreateTicketInput,
  type MediaKind,
  type TicketType,
} from '@mashang/shared';
import type { LocationView } from '../../services/types';

/** One attachment of the form: picked on the device, then uploaded at once (so the key is ready at submit). */
export interface FormAttachment {
  id: string;
  kind: MediaKind;
  path: string;
  mime: string;
  size: number;
  duration?: number;
  name: string;
  state: 'uploading' | 'done' | 'failed';
  progress: number;
  key?: string;
  error?: string;
}

export interface SubmitForm {
  type: TicketType | '';
  content: string;
  attachments: FormAttachment[];
  address: string;
  /** Coordinates from the scene, the map picker or the browser; the address stays editable. */
  point?: { lat: number; lng: number; name?: string };
  contactName: string;
  contactPhone: string;
  /**
   * The citizen's explicit consent that the handling units see their name and phone (004 §14,
   * 000 §14). Off by default: without it the request is confidential. Never sent for a 举报.
   */
  discloseIdentity: boolean;
  consent: boolean;
  scene?: string;
  /** Created at the first submit attempt and kept until success: a retry can never file twice. */
  idempotencyKey?: string;
}

export type FieldErrors = Partial<Record<'type' | 'content' | 'attachments' | 'location' | 'contact' | 'consent' | 'form', string>>;

export const EMPTY_FORM: SubmitForm = {
  type: '',
  content: '',
  attachments: [],
  address: '',
  contactName: '',
  contactPhone: '',
  discloseIdentity: false,
  consent: false,
};

/** A voice note may carry the whole request; the text then says so, because the BFF requires text. */
export const VOICE_ONLY_CONTENT = '【语音反映】具体内容请听录音。';

/** Types whose citizen must be reachable (000 §14, 002 §16 a clear claimant): by the platform, and by the unit only with consent. */
export const CONTACT_REQUIRED: readonly TicketType[] = ['help', 'complaint', 'report'];

/** 举报 is kept confidential whatever the form says (004 §14): the consent is not even offered. */
export const ALWAYS_CONFIDENTIAL: readonly TicketType[] = ['report'];

/** The identity consent switch's name, on screen and for a screen reader (the e2e tests find it by it). */
export const DISCLOSE_IDENTITY_TITLE = '同意向承办单位提供我的姓名和电话';

/** Whether this request lets the handling units see the citizen's name and phone. */
export function disclosesIdentity(form: Pick<SubmitForm, 'type' | 'discloseIdentity'>): boolean {
  return form.discloseIdentity === true && form.type !== '' && !ALWAYS_CONFIDENTIAL.includes(form.type);
}

export function effectiveContent(form: SubmitForm): string {
  const text = form.content.trim();
  const hasVoice = form.attachments.some((a) => a.kind === 'voice' && a.state === 'done');
  if (hasVoice && text.length < CONTENT_LIMITS.min) return `${VOICE_ONLY_CONTENT}${text}`;
  return text;
}

function location(form: SubmitForm): LocationView | undefined {
  const address = form.address.trim();
  if (!address && !form.point) return undefined;
  return { address: address || undefined, name: form.point?.name, lat: form.point?.lat, lng: form.point?.lng };
}

function contact(form: SubmitForm): { name: string; phone: string } | undefined {
  const name = form.contactName.trim();
  const phone = form.contactPhone.trim();
  return name || phone ? { name, phone } : undefined;
}

function ruleErrors(form: SubmitForm): FieldErrors {
  const errors: FieldErrors = {};
  if (!form.type) errors.type = '请选择您要反映的类型';
  const length = effectiveContent(form).length;
  if (length < CONTENT_LIMITS.min) errors.content = `请至少写 ${CONTENT_LIMITS.min} 个字，或录一段语音`;
  else if (length > CONTENT_LIMITS.max) errors.content = `内容不能超过 ${CONTENT_LIMITS.max} 个字`;
  if (form.attachments.some((a) => a.state === 'uploading')) errors.attachments = '还有文件正在上传，请稍等';
  else if (form.attachments.some((a) => a.state === 'failed')) errors.attachments = '有文件没有上传成功，请点「重试」，或删除它';
  if (form.type && CONTACT_REQUIRED.includes(form.type) && !contact(form)) errors.contact = '请留下姓名和电话，方便工作人员联系您';
  if (!form.consent) errors.consent = '请先阅读并同意隐私保护指引';
  return errors;
}

const FIELD_OF_PATH: Record<string, keyof FieldErrors> = {
  type: 'type',
  content: 'content',
  attachments: 'attachments',
  location: 'location',
  contact: 'contact',
};

/** zod's own English defaults are no use to the citizen: each field has a plain fallback. */
const FIELD_FALLBACK: Record<keyof FieldErrors, string> = {
  type: '请选择您要反映的类型',
  content: '请检查反映的内容',
  attachments: '有文件不符合要求，请删除后重新添加',
  location: '请检查地址',
  contact: '请填写姓名和有效的电话号码',
  consent: '请先阅读并同意隐私保护指引',
  form: '填写的内容有误，请检查',
};

export type Validation = { ok: true; payload: CreateTicketInput } | { ok: false; errors: FieldErrors };

/**
 * The submit form's rules: the form's own (type chosen, uploads finished, consent), then the
 * shared createTicketSchema — the very schema the BFF validates with — for everything else.
 */
export function validateSubmit(form: SubmitForm, idempotencyKey: string): Validation {
  const errors = ruleErrors(form);
  if (Object.keys(errors).length > 0) return { ok: false, errors };
  const candidate = {
    type: form.type,
    content: effectiveContent(form),
    attachments: form.attachments.map((a) => a.key),
    location: location(form),
    scene: form.scene,
    contact: contact(form),
    discloseIdentity: disclosesIdentity(form),
    idempotencyKey,
  };
  const parsed = createTicketSchema.safeParse(candidate);
  if (parsed.success) return { ok: true, payload: parsed.data };
  const schemaErrors: FieldErrors = {};
  for (const issue of parsed.error.issues) {
    const field = FIELD_OF_PATH[String(issue.path[0])] ?? 'form';
    schemaErrors[field] ??= /[\u4e00-\u9fa5]/.test(issue.message) ? issue.message : FIELD_FALLBACK[field];
  }
  return { ok: false, errors: schemaErrors };
}

const KEY_ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789';

/** 24 random characters; Math.random is enough here (a collision only merges two of one citizen's own submits). */
export function newIdempotencyKey(random: () => number = Math.random): string {
  let key = '';
  for (let i = 0; i < 24; i++) key += KEY_ALPHABET[Math.floor(random() * KEY_ALPHABET.length)];
  return key;
}
