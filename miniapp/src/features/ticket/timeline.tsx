import { Text, View } from '@tarojs/components';
import { ACTION_LABELS, REJECT_REASON_LABELS, STATUS_LABELS, TERMINATION_REASON_LABELS, type TicketAction } from '@mashang/shared';
import { formatDateTime } from '../../services/format';
import type { CodedReasonView, TimelineActor, TimelineEntry } from '../../services/types';

/** Who did it, as the citizen would say it: 您 / the unit's name / 工作人员 / 系统. */
export function actorText(actor: TimelineActor | undefined): string {
  if (!actor) return '';
  if (actor.kind === 'citizen') return '您';
  if (actor.kind === 'system') return '系统';
  return actor.unitName ?? '工作人员';
}

/** Why a request was not accepted or ended (the citizen's right to know, 002 §18): the shared label and the note. */
export function reasonText(kind: 'reject' | 'terminate', reason: CodedReasonView | null | undefined): string | undefined {
  if (!reason) return undefined;
  const labels: Record<string, string> = kind === 'reject' ? REJECT_REASON_LABELS : TERMINATION_REASON_LABELS;
  return [labels[reason.code], reason.note].filter(Boolean).join('：') || undefined;
}

export function actionText(entry: TimelineEntry): string {
  return ACTION_LABELS[entry.action as TicketAction] ?? entry.label ?? (entry.to ? STATUS_LABELS[entry.to] : '办理进展');
}

/** The whole process, newest first, in plain Chinese: what happened, who, when, and the note. */
export function Timeline({ entries }: { entries: TimelineEntry[] }) {
  // Steps recorded in the same second keep their recorded order (the BFF lists them oldest first).
  const sorted = entries
    .map((e, i) => ({ e, i }))
    .sort((a, b) => b.e.at.localeCompare(a.e.at) || b.i - a.i)
    .map(({ e }) => e);
  return (
    <View className='timeline'>
      {sorted.map((e, i) => {
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
              {e.note && <Text className='timeline__note'>{e.note}</Text>}
            </View>
          </View>
        );
      })}
    </View>
  );
}
