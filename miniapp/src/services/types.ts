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

export interface TimelineEntry {
  at: string;
  action: string;
  actor?: unknown;
  from?: TicketStatus | null;
  to?: TicketStatus | null;
  note?: string | null;
  reasonCode?: string;
}

/** Same shape as the shared `locationSchema`. */
export interface LocationView {
  lat?: number;
  lng?: number;
  address?: string;
  name?: string;
}

export interface TicketView {
  no: string;
  type: TicketType;
  status: TicketStatus;
  version: number;
  channel?: string;
  content: string;
  attachments?: Array<AttachmentView | string>;
  location?: LocationView | null;
  leadUnit?: UnitRef | string | null;
  leadUnitName?: string | null;
  coUnits?: Array<UnitRef | string>;
  dueAt?: string | null;
  overdue?: boolean;
  timeline?: TimelineEntry[];
  result?: string | { text?: string; content?: string } | null;
  rating?: { satisfaction: Satisfaction; comment?: string } | null;
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
