import { Timeline, Typography } from 'antd';
import dayjs from 'dayjs';
import { ACTION_LABELS, MIME_BY_EXTENSION, mediaKindOf, STATUS_LABELS, type TicketAction, type TicketStatus } from '@mashang/shared';
import type { Attachment, TimelineEntry } from '../../api/types';
import { Attachments } from './attachments';

const who = (e: TimelineEntry, unitName: (id: string) => string): string => {
  const a = e.actor as { kind: string; name?: string; unit?: string };
  if (a.kind === 'citizen') return '诉求人';
  if (a.kind === 'system') return '系统';
  return [a.unit ? unitName(a.unit) : '平台', a.name].filter(Boolean).join(' ');
};

/** Keys an entry carries (a reply's photos, a supplement's material), typed by their extension. */
function entryMedia(e: TimelineEntry): Attachment[] {
  const keys = Array.isArray(e.data?.attachments) ? e.data.attachments.filter((k): k is string => typeof k === 'string') : [];
  return keys.map((key) => {
    const mime = MIME_BY_EXTENSION[key.split('.').pop() ?? ''] ?? '';
    return { key, kind: mediaKindOf(mime) ?? 'image', mime, size: 0 };
  });
}

/** The ticket's history, oldest first: what happened, who did it, the note. */
export function TicketTimeline({ entries, unitName }: { entries: TimelineEntry[]; unitName(id: string): string }) {
  return (
    <Timeline
      items={entries.map((e, i) => ({
        key: i,
        children: (
          <div data-action={e.action}>
            <b>{e.label ?? ACTION_LABELS[e.action as TicketAction]}</b>
            <Typography.Text type="secondary"> · {dayjs(e.at).format('YYYY-MM-DD HH:mm')} · {who(e, unitName)}</Typography.Text>
            {e.from !== e.to && <Typography.Text type="secondary"> · {STATUS_LABELS[e.to as TicketStatus]}</Typography.Text>}
            {e.note && <div className="ticket-content">{e.note}</div>}
            {entryMedia(e).length > 0 && <Attachments items={entryMedia(e)} alt={e.action === 'reply' ? '答复照片' : '材料照片'} />}
          </div>
        ),
      }))}
    />
  );
}
