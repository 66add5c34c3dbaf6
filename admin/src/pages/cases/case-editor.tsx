import { useState } from 'react';
import { Alert, Button, Card, Descriptions, Form, Input, Tag } from 'antd';
import { CASE_STATUS_LABELS, caseUpdateSchema, type CaseStatus } from '@mashang/shared';
import { api, unwrap } from '../../api/client';
import { ApiError } from '../../api/errors';
import type { CasePatchBody, CaseRecord } from '../../api/types';
import { EditForm, recordMessage } from '../../components/edit-form';
import { personalDataSummary } from '../../labels';

const LABELS = { title: '标题', summary: '摘要', content: '诉求内容（已隐去个人信息）', result: '办理结果' };

const text = (v: unknown): string => (typeof v === 'string' ? v : '');

interface Props {
  record: CaseRecord;
  onChange(c: CaseRecord): void;
  onReload(): Promise<unknown>;
}

/** What the redaction removed, what still looks personal, and the publisher's notice. */
function Redaction({ record }: { record: CaseRecord }) {
  const removed = personalDataSummary(record.redacted);
  const left = personalDataSummary(record.remaining);
  return (
    <>
      <Alert type="info" showIcon title={record.notice} className="form-alert" />
      <Descriptions size="small" column={1} className="form-alert">
        <Descriptions.Item label="自动隐去">{removed ?? '无'}</Descriptions.Item>
      </Descriptions>
      {left ? (
        <Alert type="warning" showIcon data-testid="case-remaining" title={`仍疑似个人信息：${left}。请修改文字后保存，再公开。`} className="form-alert" />
      ) : (
        <Alert type="success" showIcon data-testid="case-remaining" title="未发现剩余的个人信息（仍请逐字核对）" className="form-alert" />
      )}
    </>
  );
}

/** Publish / withdraw: the API's refusal (personal data left, already published…) is said here. */
function PublishButtons({ record, onChange }: Omit<Props, 'onReload'>) {
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const run = async (to: 'publish' | 'unpublish') => {
    setBusy(true);
    setError(null);
    try {
      // The version on screen: a case someone changed meanwhile answers 412 instead of publishing unseen text.
      const params = { path: { id: record.id }, header: { 'If-Match': String(record.version) } };
      const res = await unwrap(to === 'publish' ? api.POST('/api/admin/v1/cases/{id}/publish', { params }) : api.POST('/api/admin/v1/cases/{id}/unpublish', { params }));
      onChange(res.case);
    } catch (err) {
      const left = err instanceof ApiError ? personalDataSummary((err.details as { remaining?: Record<string, number> } | undefined)?.remaining) : null;
      setError(`${recordMessage(err)}${left ? `（${left}）` : ''}`);
    } finally {
      setBusy(false);
    }
  };
  const published = record.status === 'published';
  return (
    <div className="form-alert">
      {error && <Alert type="error" showIcon role="alert" title={error} className="form-alert" data-testid="case-publish-error" />}
      {published ? (
        <Button danger loading={busy} onClick={() => void run('unpublish')}>
          撤回公开
        </Button>
      ) : (
        <Button type="primary" loading={busy} onClick={() => void run('publish')}>
          公开
        </Button>
      )}
    </div>
  );
}

/** One case: the redacted texts to review and edit (draft or withdrawn), then publish. */
export function CaseEditor({ record, onChange, onReload }: Props) {
  const status = record.status as CaseStatus;
  const initial = { title: record.title, summary: text(record.summary), content: record.content, result: record.result };
  const toBody = (v: Record<string, unknown>) => ({ ...v, summary: text(v.summary) || undefined, version: record.version });
  return (
    <Card className="ticket-card" title={<>案例 <Tag data-testid="case-status">{CASE_STATUS_LABELS[status] ?? status}</Tag></>} extra={<span>工单 {record.ticketNo}</span>}>
      <Redaction record={record} />
      {status === 'published' && <Alert type="info" showIcon title="已公开的案例不能修改；撤回公开后可修改。" className="form-alert" />}
      <EditForm name="case-edit"
        key={record.id}
        schema={caseUpdateSchema}
        labels={LABELS}
        initialValues={initial}
        toBody={toBody}
        send={(body) => unwrap(api.PATCH('/api/admin/v1/cases/{id}', { params: { path: { id: record.id } }, body: body as CasePatchBody })).then((r) => r.case)}
        onSaved={(c) => onChange(c as CaseRecord)}
        onReload={onReload}
        submitLabel="保存修改"
        disabled={status === 'published'}
      >
        <Form.Item name="title" label={LABELS.title}>
          <Input />
        </Form.Item>
        <Form.Item name="summary" label={LABELS.summary}>
          <Input.TextArea autoSize={{ minRows: 1, maxRows: 3 }} />
        </Form.Item>
        <Form.Item name="content" label={LABELS.content}>
          <Input.TextArea autoSize={{ minRows: 3, maxRows: 10 }} />
        </Form.Item>
        <Form.Item name="result" label={LABELS.result}>
          <Input.TextArea autoSize={{ minRows: 3, maxRows: 10 }} />
        </Form.Item>
      </EditForm>
      <PublishButtons record={record} onChange={onChange} />
    </Card>
  );
}
