import { Alert, Button, Card, Descriptions, Result, Space, Spin, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { Link, useParams } from 'react-router-dom';
import { CHANNEL_LABELS, CLASS_LABELS, SATISFACTION_LABELS, TYPE_LABELS, type Channel, type Satisfaction, type TicketClass, type TicketType } from '@mashang/shared';
import type { StaffTicket } from '../../api/types';
import { ActionBar } from './action-bar';
import { Attachments } from './attachments';
import { Deadlines } from './deadlines';
import { InternalNotes } from './notes';
import { TicketTimeline } from './timeline';
import { coResultsOf, notesOf, unitNamesOf, useTicket } from './use-ticket';

function Header({ t }: { t: StaffTicket }) {
  return (
    <Space wrap>
      <Typography.Title level={4} style={{ margin: 0 }} data-testid="ticket-no">
        {t.no}
      </Typography.Title>
      <Tag color="blue" data-testid="ticket-status">{t.statusLabel}</Tag>
      <Tag>{TYPE_LABELS[t.type as TicketType]}</Tag>
      <Tag>{CHANNEL_LABELS[t.channel as Channel]}</Tag>
      {t.class && <Tag>{CLASS_LABELS[t.class as TicketClass] ?? t.class}</Tag>}
      {t.confidential && <Tag color="purple">保密</Tag>}
      {t.overdue && <Tag color="red">已超期</Tag>}
    </Space>
  );
}

/** The citizen as this staff member may see them: unit staff see nobody on a confidential ticket. */
function Citizen({ t }: { t: StaffTicket }) {
  if (t.contact) return <span data-testid="contact">{[t.contact.name, t.contact.phone].filter(Boolean).join(' ')}</span>;
  if (t.confidential) return <Typography.Text type="secondary" data-testid="contact">保密诉求：不显示诉求人身份</Typography.Text>;
  return <Typography.Text type="secondary" data-testid="contact">未留联系方式</Typography.Text>;
}

function Facts({ t, names }: { t: StaffTicket; names: Record<string, string> }) {
  const location = t.location as { address?: string; name?: string; lat?: number; lng?: number } | null;
  const rating = t.rating as { satisfaction?: Satisfaction; comment?: string } | null;
  return (
    <Descriptions size="small" column={{ xs: 1, md: 2 }} bordered>
      <Descriptions.Item label="诉求人">
        <Citizen t={t} />
      </Descriptions.Item>
      <Descriptions.Item label="登记时间">{dayjs(t.createdAt).format('YYYY-MM-DD HH:mm')}</Descriptions.Item>
      <Descriptions.Item label="地点">
        {location?.address ?? location?.name ?? "—"}
        {location?.lat !== undefined && location.lng !== undefined && (
          <a href={`https://uri.amap.com/marker?position=${location.lng},${location.lat}`} target="_blank" rel="noreferrer">
            {' '}
            在地图上查看
          </a>
        )}
      </Descriptions.Item>
      <Descriptions.Item label="承办单位">
        {t.leadUnit ? (names[t.leadUnit] ?? t.leadUnit) : '—'}
        {t.coUnits.length > 0 && `（协办：${t.coUnits.map((u) => names[u] ?? u).join('、')}）`}
      </Descriptions.Item>
      {t.category && <Descriptions.Item label="事项分类">{t.category}</Descriptions.Item>}
      {t.result && (
        <Descriptions.Item label="办理结果" span={2}>
          <div className="ticket-content">{t.result}</div>
        </Descriptions.Item>
      )}
      {rating?.satisfaction && <Descriptions.Item label="评价">{SATISFACTION_LABELS[rating.satisfaction]} {rating.comment ?? ''}</Descriptions.Item>}
    </Descriptions>
  );
}

function CoResults({ t, names }: { t: StaffTicket; names: Record<string, string> }) {
  const items = coResultsOf(t);
  if (!items.length) return null;
  return (
    <Card size="small" title="协办反馈" className="ticket-card">
      {items.map((c, i) => (
        <p key={i}>
          <b>{names[c.unit] ?? c.unit}</b>（{dayjs(c.at).format('MM-DD HH:mm')}）：{c.result}
        </p>
      ))}
    </Card>
  );
}

function Supervisions({ t }: { t: StaffTicket }) {
  if (!t.supervisions?.length) return null;
  return (
    <Card size="small" title="督办记录" className="ticket-card">
      {t.supervisions.map((s) => (
        <p key={s.id}>
          {dayjs(s.at).format('YYYY-MM-DD HH:mm')} · {s.means} · {s.trigger} · {s.status}
        </p>
      ))}
    </Card>
  );
}

/** One ticket: what the citizen asked, the deadlines, the history, and what this staff member may do. */
export function TicketPage() {
  const { no = '' } = useParams();
  const { ticket: t, error, notFound, reload } = useTicket(no);
  if (notFound) return <Result status="404" title="没有找到这件工单" subTitle="编号不对，或者这件工单不归您的单位办理。" extra={<Link to="/">返回工单队列</Link>} />;
  if (!t) return error ? <Alert type="error" showIcon title={error} action={<Button onClick={() => void reload()}>重试</Button>} /> : <Spin className="page-spin" />;
  const names = unitNamesOf(t);
  return (
    <div className="ticket-page" data-version={t.version}>
      <Card className="ticket-card">
        <Header t={t} />
        <div style={{ marginTop: 12 }}>
          <ActionBar ticket={t} onChanged={() => void reload()} onReload={reload} />
        </div>
      </Card>
      <Card size="small" title="诉求内容" className="ticket-card">
        <p className="ticket-content" data-testid="ticket-content">{t.content}</p>
        <Attachments items={t.attachments} />
      </Card>
      <Card size="small" title="基本信息" className="ticket-card">
        <Facts t={t} names={names} />
      </Card>
      <Card size="small" title="办理时限" className="ticket-card">
        <Deadlines deadlines={t.deadlines as Record<string, unknown> | null} dueAt={t.dueAt} overdue={t.overdue} />
      </Card>
      <CoResults t={t} names={names} />
      <Supervisions t={t} />
      <Card size="small" title="办理记录" className="ticket-card">
        <TicketTimeline entries={t.timeline} unitName={(id) => names[id] ?? ''} />
      </Card>
      <Card size="small" title="内部备注" className="ticket-card">
        <InternalNotes no={t.no} notes={notesOf(t)} onAdded={() => void reload()} />
      </Card>
    </div>
  );
}
