import { useCallback, useEffect, useState } from 'react';
import { Alert, Card, Col, Form, Input, Row, Segmented, Table, Tag } from 'antd';
import { CASE_STATUS_LABELS, CASE_STATUSES, caseCreateSchema, type CaseStatus } from '@mashang/shared';
import { api, unwrap } from '../../api/client';
import { messageOf } from '../../api/errors';
import type { CaseCreateBody, CaseRecord } from '../../api/types';
import { CreateForm, withoutBlanks } from '../../components/create-form';
import { personalDataSummary } from '../../labels';
import { CaseEditor } from './case-editor';

const LABELS = { ticketNo: '工单编号（已办结）', title: '标题', summary: '摘要' };
const FILTERS = [{ value: 'all', label: '全部' }, ...CASE_STATUSES.map((s) => ({ value: s, label: CASE_STATUS_LABELS[s] }))];

/** 公开案例 (004 §15): drafts made from closed tickets, reviewed, published or withdrawn. */
export function CasesPage() {
  const [status, setStatus] = useState<CaseStatus | 'all'>('all');
  const [items, setItems] = useState<CaseRecord[]>([]);
  const [selected, setSelected] = useState<CaseRecord | null>(null);
  const [error, setError] = useState<string | null>(null);

  const refresh = useCallback(() => {
    unwrap(api.GET('/api/admin/v1/cases', { params: { query: { limit: 100, ...(status === 'all' ? {} : { status }) } } }))
      .then((res) => setItems(res.items))
      .catch((err: unknown) => setError(messageOf(err)));
  }, [status]);
  useEffect(refresh, [refresh]);

  const changed = (c: CaseRecord) => {
    setSelected(c);
    refresh();
  };
  const reload = async () => {
    if (!selected) return;
    const res = await unwrap(api.GET('/api/admin/v1/cases/{id}', { params: { path: { id: selected.id } } }));
    setSelected(res.case);
  };

  return (
    <Row gutter={16}>
      <Col xs={24} lg={13}>
        <Card title="公开案例" className="ticket-card">
          <Segmented options={FILTERS} value={status} onChange={(v) => setStatus(v as CaseStatus | 'all')} style={{ marginBottom: 12 }} />
          {error && <Alert type="error" showIcon title={error} className="form-alert" />}
          <Table
            rowKey="id"
            size="small"
            scroll={{ x: true }}
            dataSource={items}
            pagination={false}
            locale={{ emptyText: '没有案例' }}
            onRow={(c) => ({ onClick: () => setSelected(c), className: 'case-row', 'data-case': c.id }) as React.HTMLAttributes<HTMLElement>}
            columns={[
              { title: '标题', dataIndex: 'title', render: (t: string) => <a>{t}</a> },
              { title: '工单', dataIndex: 'ticketNo' },
              { title: '状态', dataIndex: 'status', render: (s: CaseStatus) => <Tag color={s === 'published' ? 'green' : undefined}>{CASE_STATUS_LABELS[s] ?? s}</Tag> },
              { title: '剩余个人信息', dataIndex: 'remaining', render: (r: Record<string, number>) => personalDataSummary(r) ?? '无' },
            ]}
          />
        </Card>
        <Card title="从办结工单生成草稿" className="ticket-card">
          <Alert type="info" showIcon className="form-alert" title="只能选用已办结、非保密的工单；系统会自动隐去姓名、电话、身份证号、车牌和门牌号，附件不公开。" />
          <CreateForm name="case-create"
            schema={caseCreateSchema}
            labels={LABELS}
            toBody={withoutBlanks}
            send={(body) => unwrap(api.POST('/api/admin/v1/cases', { body: body as CaseCreateBody }))}
            onCreated={(res) => changed((res as { case: CaseRecord }).case)}
            submitLabel="生成草稿"
          >
            <Form.Item name="ticketNo" label={LABELS.ticketNo}>
              <Input autoComplete="off" />
            </Form.Item>
            <Form.Item name="title" label={LABELS.title}>
              <Input />
            </Form.Item>
            <Form.Item name="summary" label={LABELS.summary}>
              <Input.TextArea autoSize={{ minRows: 1, maxRows: 3 }} />
            </Form.Item>
          </CreateForm>
        </Card>
      </Col>
      <Col xs={24} lg={11}>
        {selected ? <CaseEditor record={selected} onChange={changed} onReload={reload} /> : <Card className="ticket-card">选择一个案例查看、修改和公开。</Card>}
      </Col>
    </Row>
  );
}
