import { useCallback, useEffect, useState } from 'react';
import { Alert, Button, Card, Col, DatePicker, Row, Space, Table, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { api, unwrap } from '../../api/client';
import { ApiError, messageOf } from '../../api/errors';
import { useSession } from '../../session/use-session';
import { PAGE_ROLES } from '../../labels';
import { InterviewForm, type InterviewPrefill } from './interview-form';
import { RankingCard } from './ranking-card';
import type { Accountability, Escalation, Interview, PendingInterview, UnitAccountability } from './types';
import { useActiveProfile } from './use-profile';

type Register = { kind: 'loading' } | { kind: 'ready'; accountability: Accountability; interviews: Interview[] } | { kind: 'off'; message: string } | { kind: 'error'; message: string };

/** GET /accountability and /interviews of the month; INTERVIEWS_NOT_IN_PROFILE means the profile keeps no register. */
function useRegister(period: string, seq: number): Register {
  const [state, setState] = useState<Register>({ kind: 'loading' });
  useEffect(() => {
    let live = true;
    setState((s) => (s.kind === 'ready' && s.accountability.period === period ? s : { kind: 'loading' }));
    Promise.all([
      unwrap(api.GET('/api/admin/v1/accountability', { params: { query: { period } } })),
      unwrap(api.GET('/api/admin/v1/interviews', { params: { query: { period } } })),
    ])
      .then(([accountability, interviews]) => live && setState({ kind: 'ready', accountability, interviews: interviews.items }))
      .catch((err: unknown) => {
        if (!live) return;
        if (err instanceof ApiError && err.code === 'INTERVIEWS_NOT_IN_PROFILE') setState({ kind: 'off', message: err.message });
        else setState({ kind: 'error', message: messageOf(err) });
      });
    return () => {
      live = false;
    };
  }, [period, seq]);
  return state;
}

/** GET /rankings: the months published so far, newest first. */
function usePublishedMonths(seq: number): string[] {
  const [months, setMonths] = useState<string[]>([]);
  useEffect(() => {
    let live = true;
    unwrap(api.GET('/api/admin/v1/rankings'))
      .then((res) => live && setMonths(res.items.map((r) => r.period)))
      .catch(() => live && setMonths([]));
    return () => {
      live = false;
    };
  }, [seq]);
  return months;
}

/** Unit names stay on one line; long labels (grounds, escalations) wrap instead. */
const name = (v: string) => <span style={{ whiteSpace: 'nowrap' }}>{v}</span>;

function EscalationTag({ e }: { e: Escalation }) {
  return (
    <Tag color={e.reached ? 'red' : undefined} data-escalation={e.step} data-reached={String(e.reached)} title={e.cite ?? undefined} style={{ whiteSpace: 'normal', margin: '2px 0' }}>
      {e.reached ? '已达：' : ''}
      {e.label}（连续 {e.consecutive} 次 / 累计 {e.cumulative} 次）
    </Tag>
  );
}

function UnitsTable({ rows }: { rows: UnitAccountability[] }) {
  return (
    <Table<UnitAccountability>
      rowKey="unit"
      size="small"
      scroll={{ x: true }}
      dataSource={rows}
      pagination={false}
      locale={{ emptyText: '近12个月没有约谈记录' }}
      onRow={(r) => ({ 'data-accountability-unit': r.unitName }) as React.HTMLAttributes<HTMLElement>}
      columns={[
        { title: '单位', dataIndex: 'unitName', render: name },
        { title: '近12个月约谈次数', dataIndex: 'interviews', width: 90 },
        {
          title: '问责升级',
          dataIndex: 'escalations',
          render: (list: Escalation[]) =>
            list.length ? (
              <div style={{ display: 'flex', flexDirection: 'column', alignItems: 'flex-start' }}>
                {list.map((e) => (
                  <EscalationTag key={e.step} e={e} />
                ))}
              </div>
            ) : (
              '—'
            ),
        },
      ]}
    />
  );
}

function PendingTable({ rows, onRecord }: { rows: PendingInterview[]; onRecord?: (p: PendingInterview) => void }) {
  return (
    <Table<PendingInterview>
      rowKey={(p) => `${p.unit}:${p.period}`}
      size="small"
      scroll={{ x: true }}
      dataSource={rows}
      pagination={false}
      locale={{ emptyText: '没有待约谈的单位' }}
      onRow={(p) => ({ 'data-pending-unit': p.unitName }) as React.HTMLAttributes<HTMLElement>}
      columns={[
        { title: '单位', dataIndex: 'unitName', render: name },
        { title: '通报月份', dataIndex: 'period' },
        { title: '组别', dataIndex: 'group' },
        ...(onRecord
          ? [
              {
                title: '',
                key: 'record',
                render: (_: unknown, p: PendingInterview) => (
                  <Button size="small" onClick={() => onRecord(p)}>
                    记录约谈
                  </Button>
                ),
              },
            ]
          : []),
      ]}
    />
  );
}

function InterviewsTable({ rows }: { rows: Interview[] }) {
  return (
    <Table<Interview>
      rowKey="id"
      size="small"
      scroll={{ x: true }}
      dataSource={rows}
      pagination={false}
      locale={{ emptyText: '本月没有约谈记录' }}
      onRow={(i) => ({ 'data-interview': i.id }) as React.HTMLAttributes<HTMLElement>}
      columns={[
        { title: '约谈日期', dataIndex: 'heldOn', render: name },
        { title: '被约谈单位', dataIndex: 'unitName', render: name },
        { title: '约谈情形', dataIndex: 'groundLabel' },
        { title: '约谈人', dataIndex: 'interviewer' },
        { title: '被约谈人', dataIndex: 'interviewee' },
        { title: '备注', dataIndex: 'note', render: (v: string) => v || '—' },
        { title: '记录', dataIndex: 'recordedAt', render: (v: string, i: Interview) => `${dayjs(v).format('MM-DD HH:mm')} ${i.recordedBy.name ?? ''}` },
      ]}
    />
  );
}

/**
 * 排名与约谈 (003 §26-29, 000 §26): the month's published ranking (supervisors and admins publish
 * it once the month is over), the interview register with each unit's escalations and the marked
 * units still to be interviewed, and (supervisors, admins) the form to record an interview.
 */
export function AccountabilityPage() {
  const { has } = useSession();
  const canWrite = has(...PAGE_ROLES.accountabilityEditors);
  const [period, setPeriod] = useState(() => dayjs().format('YYYY-MM'));
  const [seq, setSeq] = useState(0);
  const refresh = useCallback(() => setSeq((n) => n + 1), []);
  const profile = useActiveProfile();
  const register = useRegister(period, seq);
  const published = usePublishedMonths(seq);
  const [prefill, setPrefill] = useState<InterviewPrefill | null>(null);
  const recordPending = canWrite && profile?.grounds?.includes('ranking') ? (p: PendingInterview) => setPrefill({ unit: p.unit, period: p.period, nonce: Date.now() }) : undefined;

  const main = (
    <>
      <RankingCard key={period} period={period} canPublish={canWrite} onPublished={refresh} />
      {register.kind === 'off' && <Alert type="info" showIcon title={register.message} className="form-alert" data-testid="interviews-off" />}
      {register.kind === 'error' && <Alert type="error" showIcon title={register.message} className="form-alert" />}
      {register.kind !== 'off' && (
        <>
          <Card className="ticket-card" title={`约谈情况（截至 ${period}）`} data-testid="accountability-units">
            <UnitsTable rows={register.kind === 'ready' ? register.accountability.units : []} />
          </Card>
          <Card className="ticket-card" title="待约谈单位（月通报达到约谈标准）" data-testid="accountability-pending">
            <PendingTable rows={register.kind === 'ready' ? register.accountability.pending : []} onRecord={recordPending} />
          </Card>
          <Card className="ticket-card" title={`${period} 约谈记录`} data-testid="interview-list">
            <InterviewsTable rows={register.kind === 'ready' ? register.interviews : []} />
          </Card>
        </>
      )}
    </>
  );
  const form = canWrite && register.kind !== 'off' && profile?.grounds ? <InterviewForm grounds={profile.grounds} prefill={prefill} onRecorded={refresh} /> : null;

  return (
    <div>
      <Card className="ticket-card" title="排名与约谈">
        <Space wrap>
          <DatePicker
            picker="month"
            format="YYYY-MM"
            aria-label="月份"
            id="accountability-month"
            allowClear={false}
            value={dayjs(`${period}-01`)}
            onChange={(v) => v && setPeriod(v.format('YYYY-MM'))}
          />
          {published.length > 0 && (
            <Space wrap size={4}>
              <Typography.Text type="secondary">已通报：</Typography.Text>
              {published.slice(0, 12).map((m) => (
                <Tag key={m} color={m === period ? 'red' : undefined} style={{ cursor: 'pointer' }} onClick={() => setPeriod(m)} data-published-month={m}>
                  {m}
                </Tag>
              ))}
            </Space>
          )}
          {profile?.label && <Typography.Text type="secondary">{profile.label}</Typography.Text>}
        </Space>
      </Card>
      {form ? (
        <Row gutter={16}>
          <Col xs={24} lg={15}>
            {main}
          </Col>
          <Col xs={24} lg={9}>
            {form}
          </Col>
        </Row>
      ) : (
        main
      )}
    </div>
  );
}
