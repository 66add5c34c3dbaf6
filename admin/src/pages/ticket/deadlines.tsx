import { Descriptions, Typography } from 'antd';
import dayjs from 'dayjs';
import { createWorkCalendar } from '@mashang/shared';
import { Due } from '../../components/due';

const calendar = createWorkCalendar();

const LABELS: Record<string, string> = {
  acceptanceNotice: '受理告知',
  dispatch: '派单',
  plan: '办理方案',
  stageReply: '阶段性答复',
  coResult: '协办反馈',
  final: '办结（原定）',
  dueAt: '办结期限',
  followUp: '回访',
};

/** Working days left until a deadline (negative: working days overdue), on the national calendar with 调休. */
function workingDaysLeft(at: string): string {
  const due = new Date(at);
  const now = new Date();
  if (due >= now) return `剩 ${calendar.workingDaysBetween(now, due).days} 个工作日`;
  return `超期 ${calendar.workingDaysBetween(due, now).days} 个工作日`;
}

/** Every stage deadline of the current round the active profile gave, with a countdown. */
export function Deadlines({ deadlines, dueAt, overdue }: { deadlines: Record<string, unknown> | null; dueAt: string | null; overdue: boolean }) {
  const entries = Object.entries(LABELS).filter(([k]) => typeof deadlines?.[k] === 'string') as Array<[string, string]>;
  return (
    <div>
      <div style={{ marginBottom: 8 }}>
        办结期限：<Due at={dueAt} overdue={overdue} /> {dueAt && <Typography.Text type="secondary" data-testid="working-days-left">{workingDaysLeft(dueAt)}</Typography.Text>}
      </div>
      {entries.length > 0 && (
        <Descriptions size="small" column={{ xs: 1, sm: 2 }} bordered>
          {entries.map(([k]) => (
            <Descriptions.Item key={k} label={LABELS[k]}>
              {dayjs(deadlines?.[k] as string).format('YYYY-MM-DD HH:mm')}
            </Descriptions.Item>
          ))}
        </Descriptions>
      )}
      {deadlines?.calendarIncomplete === true && <Typography.Text type="warning">该年度节假日数据缺失，期限按周一至周五计算。</Typography.Text>}
    </div>
  );
}
