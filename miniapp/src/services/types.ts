import type { Satisfaction, ScenePublicView, TicketStatus, TicketType } from '@mashang/shared';

/** The citizen views the BFF returns (ARCHITECTURE.md, ticket resource fields). */
export interface AttachmentView {
  key: string;
  kind?: 'image' | 'video' | 'voice';
  mime?: string;
  /** Short-lived signed URL when the BFF includes one. */
  url?: string;
  duration?: number;
}

export interface UnitRef {
  id?: string;
  name?: string;
}

/** Who did a step, as the citizen may know it: never staff identities, only the unit's name. */
export interface TimelineActor {
  kind: 'citizen' | 'staff' | 'system';
  unitName?: string;
}

/** One step of bff/src/tickets/view.ts `citizenEntry`: internal exchanges are already left out. */
export interface TimelineEntry {
  at: string;
  action: string;
  /** The shared ACTION_LABELS text, sent along by the BFF. */
  label?: string;
  actor?: TimelineActor;
  from?: TicketStatus | null;
  to?: TicketStatus | null;
  note?: string | null;
  data?: { attachments?: Array<AttachmentView | string> };
}

/** Why a request was not accepted, or why handling ended (a shared reason code and the operator's note). */
export interface CodedReasonView {
  code: string;
  note: string;
}

/** Same shape as the shared `locationSchema`. */
export interface LocationView {
  lat?: number;
  lng?: number;
  address?: string;
  name?: string;
}

/**
 * The citizen view of bff/src/tickets/view.ts (`citizenTicketView`; lists carry the summary
 * fields only, so the detail-only ones are optional).
 */
export interface TicketView {
  no: string;
  type: TicketType;
  status: TicketStatus;
  statusLabel?: string;
  version: number;
  channel?: string;
  content: string;
  attachments?: Array<AttachmentView | string>;
  attachmentCount?: number;
  location?: LocationView | null;
  /** The lead unit's id; its name comes as `leadUnitName`. */
  leadUnit?: string | null;
  leadUnitName?: string | null;
  coUnits?: string[];
  dueAt?: string | null;
  overdue?: boolean;
  timeline?: TimelineEntry[];
  result?: string | null;
  rating?: { satisfaction: Satisfaction; comment?: string | null } | null;
  rejectReason?: CodedReasonView | null;
  termination?: CodedReasonView | null;
  /** What this citizen may do now, by the shared state machine's `allowedActions`. */
  allowedActions?: string[];
  confidential?: boolean;
  createdAt: string;
  updatedAt?: string;
}

export interface Page<T> {
  items: T[];
  nextCursor?: string | null;
}

/** GET /api/v1/scenes/{scene}: the code point, as shared defines it. */
export type SceneView = ScenePublicView;

/** A search hit (`snippet`) or a whole published entry (`answer`) of GET /api/v1/knowledge… */
export interface KnowledgeItem {
  id: string;
  question: string;
  answer?: string;
  snippet?: string;
  unitName?: string | null;
  publishedAt?: string | null;
  updatedAt?: string;
}

export interface PublicCase {
  id: string;
  no?: string;
  type?: TicketType;
  title?: string;
  content?: string;
  result?: string;
  unit?: UnitRef | string | null;
  closedAt?: string;
  publishedAt?: string;
}

export interface UploadGrant {
  key: string;
  uploadUrl: string;
  fields: Record<string, string>;
  expiresAt: string;
}
