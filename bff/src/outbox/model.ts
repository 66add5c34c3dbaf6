import { Schema, type Connection, type Model } from 'mongoose';

/** `progress`: one 办理进度 template for events while the request stays open (extension, stage report, re-dispatch, reopening). */
export const NOTICE_TEMPLATES = ['accepted', 'dispatched', 'replied', 'supplement', 'rejected', 'closed', 'progress'] as const;
export type NoticeTemplate = (typeof NOTICE_TEMPLATES)[number];

/** `sending` is a short lease while one instance delivers; the rest are what staff see. */
export type NoticeStatus = 'queued' | 'sending' | 'sent' | 'failed' | 'skipped';

/** What a notice says, in our words; the template's own field keys come from configuration. */
export interface NoticeFields {
  no: string;
  title: string;
  status: string;
  time: string;
  note?: string;
}

/**
 * One subscribe message for one ticket event and recipient: `_id` = `${ticketNo}:${ticketVersion}:${template}`
 * for the ticket's citizen and `…:${openid}` for a follower (duplicates/followers.ts), so each is queued once.
 */
export interface NoticeDoc {
  _id: string;
  ticketNo: string;
  ticketVersion: number;
  template: NoticeTemplate;
  /** A citizen who follows the ticket (or whose request was merged into it), not its own citizen. */
  follower?: boolean;
  templateId?: string;
  openid: string;
  page: string;
  fields: NoticeFields;
  status: NoticeStatus;
  attempts: number;
  nextAttemptAt: Date;
  lastError?: string;
  sentAt?: Date;
  createdAt: Date;
  updatedAt: Date;
  /** Document version for applyVersioned (claims make delivery exclusive across instances). */
  version: number;
}

const noticeSchema = new Schema<NoticeDoc>(
  {
    _id: String,
    ticketNo: { type: String, required: true },
    ticketVersion: { type: Number, required: true },
    template: { type: String, required: true },
    follower: Boolean,
    templateId: String,
    openid: { type: String, required: true },
    page: { type: String, required: true },
    fields: { type: Schema.Types.Mixed, required: true },
    status: { type: String, required: true },
    attempts: { type: Number, default: 0 },
    nextAttemptAt: { type: Date, required: true },
    lastError: String,
    sentAt: Date,
    createdAt: { type: Date, required: true },
    updatedAt: { type: Date, required: true },
    version: { type: Number, default: 0 },
  },
  { versionKey: false, collection: 'notice_outbox' },
);
noticeSchema.index({ status: 1, nextAttemptAt: 1 });
noticeSchema.index({ ticketNo: 1, createdAt: 1 });

export function noticeModel(db: Connection): Model<NoticeDoc> {
  return (db.models.Notice as Model<NoticeDoc>) ?? db.model<NoticeDoc>('Notice', noticeSchema);
}
