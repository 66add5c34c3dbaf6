import { Timeline, Typography } from 'antd';
import dayjs from 'dayjs';
import { ACTION_LABELS, STATUS_LABELS, type TicketAction, type TicketStatus } from '@mashang/shared';
import type { TimelineEntry } from '../../api/types';

const who = (e: TimelineEntry, unitName: (id: string) => string): string => {
  const a = e.actor as { kind: string; name?: string; unit?: string };
  if (a.kind === 'citizen') return '诉求人';
  if (a.kind === 'system') return '系统';
  return [a.unit ? unitName(a.unit) : '平台', a.name].filter(Boolean).join(' ');
};

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
          </div>
        ),
      }))}
    />
  );
}
