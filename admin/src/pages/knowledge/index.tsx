import { useCallback, useEffect, useState } from 'react';
import { Alert, Card, Col, DatePicker, Form, Input, Row, Select, Table, Tag } from 'antd';
import dayjs from 'dayjs';
import { KNOWLEDGE_STATUS_LABELS, knowledgeCreateSchema, type KnowledgeStatus } from '@mashang/shared';
import { api, unwrap } from '../../api/client';
import { messageOf } from '../../api/errors';
import type { KnowledgeCreateBody, KnowledgeEntry, KnowledgeHit } from '../../api/types';
import { CreateForm } from '../../components/create-form';
import { TagsInput } from '../../components/tags-input';
import { unitOptions, useUnits } from '../../hooks/use-units';
import { PAGE_ROLES } from '../../labels';
import { useSession } from '../../session/use-session';
import { entryBody, ENTRY_LABELS, KnowledgeEditor } from './knowledge-editor';

/** A new draft entry (a handler's goes to its own unit). */
function CreateEntry({ onCreated }: { onCreated(e: KnowledgeEntry): void }) {
  const units = useUnits();
  const { staff } = useSession();
  return (
    <Card title="新增知识条目" className="ticket-card">
      <CreateForm name="knowledge-create"
        schema={knowledgeCreateSchema}
        labels={ENTRY_LABELS}
        toBody={(v) => entryBody(Array.isArray(v.tags) && v.tags.length === 0 ? { ...v, tags: undefined } : v)}
        send={(body) => unwrap(api.POST('/api/admin/v1/knowledge', { body: body as KnowledgeCreateBody }))}
        onCreated={(res) => onCreated((res as { entry: KnowledgeEntry }).entry)}
        submitLabel="保存为草稿"
      >
        <Form.Item name="question" label={ENTRY_LABELS.question}>
          <Input />
        </Form.Item>
        <Form.Item name="answer" label={ENTRY_LABELS.answer}>
          <Input.TextArea autoSize={{ minRows: 3, maxRows: 10 }} />
        </Form.Item>
        <Form.Item name="tags" label={ENTRY_LABELS.tags}>
          <TagsInput />
        </Form.Item>
        {!staff?.unit && (
          <Form.Item name="unit" label={ENTRY_LABELS.unit}>
            <Select allowClear showSearch optionFilterProp="label" options={unitOptions(units)} />
          </Form.Item>
        )}
        <Form.Item name="reviewBy" label={ENTRY_LABELS.reviewBy} extra="到期未复核的条目会提示待复核">
          <DatePicker />
        </Form.Item>
      </CreateForm>
    </Card>
  );
}

/** The knowledge base: search (published, by relevance) or every entry newest first; editors keep it current. */
export function KnowledgePage() {
  const { has } = useSession();
  const editor = has(...PAGE_ROLES.knowledgeEditors);
  const [q, setQ] = useState('');
  const [items, setItems] = useState<KnowledgeHit[]>([]);
  const [selected, setSelected] = useState<KnowledgeEntry | null>(null);
  const [error, setError] = useState<string | null>(null);
  const refresh = useCallback(() => {
    unwrap(api.GET('/api/admin/v1/knowledge', { params: { query: { ...(q ? { q } : {}), limit: 50 } } }))
      .then((res) => setItems(res.items))
      .catch((err: unknown) => setError(messageOf(err)));
  }, [q]);
  useEffect(refresh, [refresh]);
  const open = (id: string) =>
    unwrap(api.GET('/api/admin/v1/knowledge/{id}', { params: { path: { id } } }))
      .then((res) => setSelected(res.entry))
      .catch((err: unknown) => setError(messageOf(err)));
  const changed = (e: KnowledgeEntry) => {
    setSelected(e);
    refresh();
  };

  const list = (
    <Card title="知识库" className="ticket-card">
      <Input.Search placeholder="搜索问题或答案" allowClear onSearch={(v) => setQ(v.trim())} style={{ maxWidth: 360, marginBottom: 12 }} />
      {error && <Alert type="error" showIcon title={error} className="form-alert" />}
      <Table
        rowKey="id"
        size="small"
        dataSource={items}
        scroll={{ x: true }}
        onRow={(k) => ({ 'data-knowledge': k.id, ...(editor ? { onClick: () => void open(k.id) } : {}) }) as React.HTMLAttributes<HTMLElement>}
        expandable={{ expandedRowRender: (k) => <div className="knowledge-answer">{k.answer}</div> }}
        columns={[
          { title: '问题', dataIndex: 'question', render: (v: string) => (editor ? <a>{v}</a> : v) },
          { title: '单位', dataIndex: 'unitName' },
          { title: '状态', dataIndex: 'status', render: (s: KnowledgeStatus, k) => <>{<Tag>{KNOWLEDGE_STATUS_LABELS[s] ?? s}</Tag>}{k.stale && <Tag color="orange">待复核</Tag>}</> },
          { title: '更新', dataIndex: 'updatedAt', render: (v: string) => dayjs(v).format('YYYY-MM-DD') },
        ]}
      />
    </Card>
  );
  if (!editor) return list;
  return (
    <Row gutter={16}>
      <Col xs={24} lg={13}>{list}</Col>
      <Col xs={24} lg={11}>
        {selected && <KnowledgeEditor entry={selected} onChange={changed} onReload={() => open(selected.id)} />}
        <CreateEntry onCreated={changed} />
      </Col>
    </Row>
  );
}
