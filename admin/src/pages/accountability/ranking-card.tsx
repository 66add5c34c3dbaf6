import { useCallback, useEffect, useState } from 'react';
import { Alert, Button, Card, Descriptions, Empty, Form, Input, Spin, Table, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { TEXT_LIMITS, text } from '@mashang/shared';
import { api, unwrap } from '../../api/client';
import { ApiError, messageOf } from '../../api/errors';
import type { RankedUnit, Ranking, RankingGroup } from './types';

const pct = (v: number | null) => (v === null ? '—' : `${Math.round(v * 1000) / 10}%`);
const rule = (g: RankingGroup) => `${g.lastN === 1 ? '排名最后' : `排名最后 ${g.lastN} 名`}且低于本组最高分 ${Math.round(g.ratioOfTop * 100)}% 的约谈${g.cite ? `（${g.cite}）` : ''}`;

type State = { kind: 'loading' } | { kind: 'published'; ranking: Ranking } | { kind: 'none' } | { kind: 'error'; message: string };

/** GET /rankings/{period}: the publication, or none yet (404 RANKING_NOT_PUBLISHED). */
function useRanking(period: string) {
  const [state, setState] = useState<State>({ kind: 'loading' });
  const [seq, setSeq] = useState(0);
  useEffect(() => {
    let live = true;
    setState({ kind: 'loading' });
    unwrap(api.GET('/api/admin/v1/rankings/{period}', { params: { path: { period } } }))
      .then((res) => live && setState({ kind: 'published', ranking: res.ranking }))
      .catch((err: unknown) => {
        if (!live) return;
        if (err instanceof ApiError && err.code === 'RANKING_NOT_PUBLISHED') setState({ kind: 'none' });
        else setState({ kind: 'error', message: messageOf(err) });
      });
    return () => {
      live = false;
    };
  }, [period, seq]);
  return { state, setState, reload: useCallback(() => setSeq((n) => n + 1), []) };
}

function GroupTable({ group }: { group: RankingGroup }) {
  return (
    <div className="ranking-group" data-group={group.group}>
      <Typography.Title level={5} style={{ marginTop: 12 }}>
        {group.label} <Typography.Text type="secondary" style={{ fontSize: 12, fontWeight: 'normal' }}>{rule(group)}</Typography.Text>
      </Typography.Title>
      <Table<RankedUnit>
        rowKey="unit"
        size="small"
        scroll={{ x: true }}
        dataSource={group.units}
        pagination={false}
        locale={{ emptyText: '本组本月无参评单位' }}
        onRow={(u) => ({ 'data-ranked-unit': u.unitName }) as React.HTMLAttributes<HTMLElement>}
        columns={[
          { title: '名次', dataIndex: 'rank', width: 64 },
          { title: '单位', dataIndex: 'unitName', render: (v: string) => <span style={{ whiteSpace: 'nowrap' }}>{v}</span> },
          { title: '得分', dataIndex: 'score', render: (v: number) => Math.round(v * 10) / 10 },
          { title: '占本组最高分', dataIndex: 'ofTop', render: pct },
          { title: '约谈', dataIndex: 'marked', render: (m: boolean) => (m ? <Tag color="red">达到约谈标准</Tag> : '—') },
        ]}
      />
    </div>
  );
}

/** The publish form (supervisor, admin): an optional note; the API's refusal (month not over, no ranking in the profile, already published) is said here. */
function PublishForm({ period, onPublished }: { period: string; onPublished(r: Ranking): void }) {
  const [note, setNote] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  async function publish() {
    const checked = text(TEXT_LIMITS.note, 0).safeParse(note);
    if (!checked.success) return setError(checked.error.issues[0]?.message ?? '通报说明格式不正确');
    setBusy(true);
    setError(null);
    try {
      const res = await unwrap(api.POST('/api/admin/v1/rankings/{period}/publish', { params: { path: { period } }, body: { note: checked.data } }));
      setNote('');
      onPublished(res.ranking);
    } catch (err) {
      setError(messageOf(err));
    } finally {
      setBusy(false);
    }
  }
  return (
    <Form layout="vertical" name="ranking-publish" onFinish={() => void publish()} style={{ marginTop: 12 }}>
      {error && <Alert type="error" showIcon role="alert" title={error} className="form-alert" data-testid="ranking-publish-error" />}
      <Form.Item label="通报说明（可不填）" htmlFor="ranking-publish-note">
        <Input.TextArea id="ranking-publish-note" autoSize={{ minRows: 1, maxRows: 3 }} value={note} onChange={(e) => setNote(e.target.value)} />
      </Form.Item>
      <Button type="primary" htmlType="submit" loading={busy}>
        发布本月排名
      </Button>
    </Form>
  );
}

interface Props {
  period: string;
  canPublish: boolean;
  /** A ranking was published: the register's pending list changes with it. */
  onPublished(): void;
}

/** 月通报 (003 §26): the month's published ranking by the 003 §28(4) groups, or the way to publish it. */
export function RankingCard({ period, canPublish, onPublished }: Props) {
  const { state, setState } = useRanking(period);
  return (
    <Card className="ticket-card" title={`${period} 月通报排名`} data-testid="ranking-card">
      {state.kind === 'loading' && <Spin />}
      {state.kind === 'error' && <Alert type="error" showIcon title={state.message} className="form-alert" />}
      {state.kind === 'none' && (
        <>
          <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={<span data-testid="ranking-none">{period} 排名尚未通报</span>} />
          {canPublish && (
            <PublishForm
              period={period}
              onPublished={(ranking) => {
                setState({ kind: 'published', ranking });
                onPublished();
              }}
            />
          )}
        </>
      )}
      {state.kind === 'published' && (
        <div data-testid="ranking-published">
          <Descriptions size="small" column={{ xs: 1, md: 2 }}>
            <Descriptions.Item label="通报">{state.ranking.title}</Descriptions.Item>
            <Descriptions.Item label="发布">
              {dayjs(state.ranking.publishedAt).format('YYYY-MM-DD HH:mm')} {state.ranking.publishedBy.name ?? ''}
            </Descriptions.Item>
            {state.ranking.note && <Descriptions.Item label="说明">{state.ranking.note}</Descriptions.Item>}
            <Descriptions.Item label="计分">{state.ranking.scoring}</Descriptions.Item>
          </Descriptions>
          {state.ranking.groups.map((g) => (
            <GroupTable key={g.group} group={g} />
          ))}
        </div>
      )}
    </Card>
  );
}
