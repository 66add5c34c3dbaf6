import { useState } from 'react';
import { Alert, Button, Card, DatePicker, Form, Input, Space, Tag } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { KNOWLEDGE_STATUS_LABELS, knowledgePatchSchema, knowledgePublishSchema, knowledgeRetireSchema, type KnowledgeStatus } from '@mashang/shared';
import { api, unwrap } from '../../api/client';
import type { KnowledgeEntry, KnowledgePatchBody } from '../../api/types';
import { EditForm, ifMatch, recordMessage } from '../../components/edit-form';
import { zodFieldErrors } from '../../components/zod-form';
import { TagsInput } from '../../components/tags-input';

export const ENTRY_LABELS = { question: '问题', answer: '答案', tags: '标签', unit: '所属单位', reviewBy: '复核日期' };

/** A date picker's value → the API's YYYY-MM-DD (blank → left out). */
export const day = (v: unknown): string | undefined => (dayjs.isDayjs(v) ? v.format('YYYY-MM-DD') : undefined);

export function entryBody(v: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries({ ...v, reviewBy: day(v.reviewBy) }).filter(([, x]) => x !== undefined && x !== null && x !== ''));
}

interface Props {
  entry: KnowledgeEntry;
  onChange(e: KnowledgeEntry): void;
  onReload(): Promise<unknown>;
}

/** Publish with a review date, or retire with a reason: each with the entry's version (If-Match). */
function Lifecycle({ entry, onChange }: Omit<Props, 'onReload'>) {
  const [reviewBy, setReviewBy] = useState<Dayjs | null>(null);
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | null>(null);
  const params = { path: { id: entry.id }, ...ifMatch(entry.version) };
  const run = async (send: () => Promise<{ entry: KnowledgeEntry }>, body: Record<string, unknown>, schema: typeof knowledgePublishSchema | typeof knowledgeRetireSchema) => {
    const issues = zodFieldErrors(schema, body);
    if (issues.length) return setError(issues.flatMap((i) => i.errors).join('；'));
    setError(null);
    try {
      onChange((await send()).entry);
    } catch (err) {
      setError(recordMessage(err));
    }
  };
  const publishBody = reviewBy ? { reviewBy: reviewBy.format('YYYY-MM-DD') } : {};
  const retireBody = reason.trim() ? { reason: reason.trim() } : {};
  if (entry.status === 'retired') return null;
  return (
    <div className="form-alert">
      {error && <Alert type="error" showIcon role="alert" title={error} className="form-alert" data-testid="knowledge-lifecycle-error" />}
      <Space wrap>
        <DatePicker aria-label="发布复核日期" placeholder="复核日期（可不填）" style={{ width: 200 }} value={reviewBy} onChange={setReviewBy} />
        <Button type="primary" onClick={() => void run(() => unwrap(api.POST('/api/admin/v1/knowledge/{id}/publish', { params, body: publishBody })), publishBody, knowledgePublishSchema)}>
          {entry.status === 'published' ? '确认已复核' : '发布'}
        </Button>
      </Space>
      <Space wrap style={{ marginTop: 8 }}>
        <Input aria-label="下线原因" placeholder="下线原因" value={reason} onChange={(e) => setReason(e.target.value)} style={{ width: 220 }} />
        <Button danger onClick={() => void run(() => unwrap(api.POST('/api/admin/v1/knowledge/{id}/retire', { params, body: retireBody })), retireBody, knowledgeRetireSchema)}>
          下线
        </Button>
      </Space>
    </div>
  );
}

/** One entry: edit (a new version, If-Match), publish with a review date, retire. */
export function KnowledgeEditor({ entry, onChange, onReload }: Props) {
  const status = entry.status as KnowledgeStatus;
  const initial = { question: entry.question, answer: entry.answer, tags: entry.tags, reviewBy: entry.reviewBy ? dayjs(entry.reviewBy) : undefined };
  return (
    <Card className="ticket-card" title={<>知识条目 <Tag data-testid="knowledge-status">{KNOWLEDGE_STATUS_LABELS[status] ?? status}</Tag>{entry.stale && <Tag color="orange">待复核</Tag>}</>} extra={entry.unitName}>
      <EditForm name="knowledge-edit"
        key={entry.id}
        schema={knowledgePatchSchema}
        labels={ENTRY_LABELS}
        initialValues={initial}
        toBody={entryBody}
        send={(body) => unwrap(api.PATCH('/api/admin/v1/knowledge/{id}', { params: { path: { id: entry.id }, ...ifMatch(entry.version) }, body: body as KnowledgePatchBody })).then((r) => r.entry)}
        onSaved={(e) => onChange(e as KnowledgeEntry)}
        onReload={onReload}
        submitLabel="保存修改"
        disabled={status === 'retired'}
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
        <Form.Item name="reviewBy" label={ENTRY_LABELS.reviewBy}>
          <DatePicker />
        </Form.Item>
      </EditForm>
      <Lifecycle entry={entry} onChange={onChange} />
    </Card>
  );
}
