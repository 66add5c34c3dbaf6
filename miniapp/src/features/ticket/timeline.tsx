import { Text, View } from '@tarojs/components';
import { ACTION_LABELS, REJECT_REASON_LABELS, STATUS_LABELS, TERMINATION_REASON_LABELS, type TicketAction } from '@mashang/shared';
import { formatDateTime } from '../../services/format';
import type { TimelineEntry } from '../../services/types';

interface ActorLike {
  kind?: string;
  name?: string;
  unitName?: string;
  unit?: { name?: string } | string;
  role?: string;
  roles?: string[];
}

/** Who did it, as the citizen would say it: 您 / the unit's name / 工作人员 / 系统. */
export function actorText(actor: unknown): string {
  if (!actor || typeof actor !== 'object') return '';
  const a = actor as ActorLike;
  if (a.kind === 'citizen') return '您';
  if (a.kind === 'system') return '系统';
  const unit = typeof a.unit === 'object' ? a.unit?.name : undefined;
  return a.unitName ?? unit ?? '工作人员';
}

/** Why a request was not accepted or ended (the citizen's right to know, 002 §18). */
export function reasonText(entry: TimelineEntry): string | undefined {
  const code = entry.reasonCode;
  if (!code) return undefined;
  if (entry.action === 'reject') return REJECT_REASON_LABELS[code as keyof typeof REJECT_REASON_LABELS];
  if (entry.action === 'terminate') return TERMINATION_REASON_LABELS[code as keyof typeof TERMINATION_REASON_LABELS];
  return undefined;
}

export function actionText(entry: TimelineEntry): string {
  return ACTION_LABELS[entry.action as TicketAction] ?? (entry.to ? STATUS_LABELS[entry.to] : '办理进展');
}

/** The whole process, newest first, in plain Chinese: what happened, who, when, and the note. */
export function Timeline({ entries }: { entries: TimelineEntry[] }) {
  const sorted = [...entries].sort((a, b) => b.at.localeCompare(a.at));
  return (
    <View className='timeline'>
      {sorted.map((e, i) => {
        const reason = reasonText(e);
        const who = actorText(e.actor);
        return (
          <View key={`${e.at}-${i}`} className={`timeline__item ${i === 0 ? 'timeline__item--latest' : ''}`}>
            <View className='timeline__dot' />
            <View className='timeline__body'>
              <Text className='timeline__action'>{actionText(e)}</Text>
              <Text className='timeline__meta'>
                {formatDateTime(e.at)}
                {who ? ` · ${who}` : ''}
              </Text>
              {reason && <Text className='timeline__reason'>原因：{reason}</Text>}
              {e.note && <Text className='timeline__note'>{e.note}</Text>}
            </View>
          </View>
        );
      })}
    </View>
  );
}
