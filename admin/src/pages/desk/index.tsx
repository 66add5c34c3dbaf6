import { useState } from 'react';
import { Alert, Button, Card, Col, Form, Input, Row, Select, Switch, Typography } from 'antd';
import { Link } from 'react-router-dom';
import { CHANNEL_LABELS, CHANNELS, CLASS_LABELS, TICKET_CLASSES, TICKET_TYPES, TYPE_LABELS, operatorCreateTicketSchema } from '@mashang/shared';
import { api, unwrap } from '../../api/client';
import { ApiError, fieldErrors, messageOf } from '../../api/errors';
import type { DispatchSuggestion, OperatorCreateBody } from '../../api/types';
import { zodFieldErrors } from '../../components/zod-form';
import { useUnits } from '../../hooks/use-units';
import { KnowledgePanel } from './knowledge-panel';

const LABELS: Record<string, string> = { type: '诉求类型', channel: '来源渠道', callerPhone: '来电号码', callerName: '来电人姓名', content: '诉求内容', location: '地址', class: '分类' };
const newKey = () => crypto.randomUUID().replace(/-/g, '');

interface Created {
  no: string;
  suggestion: DispatchSuggestion | null;
}

function toBody(v: Record<string, unknown>, idempotencyKey: string): Record<string, unknown> {
  const address = typeof v.address === 'string' && v.address.trim() ? v.address.trim() : undefined;
  const body: Record<string, unknown> = { type: v.type, channel: v.channel, callerPhone: v.callerPhone, content: v.content, idempotencyKey };
  if (typeof v.callerName === 'string' && v.callerName.trim()) body.callerName = v.callerName;
  if (address) body.location = { address };
  if (v.discloseIdentity) body.discloseIdentity = true;
  if (v.class) body.class = v.class;
  return body;
}

function CreatedNotice({ created, onNext }: { created: Created; onNext(): void }) {
  const units = useUnits();
  const s = created.suggestion;
  const name = (id: string) => units.find((u) => u.id === id)?.name ?? id;
  return (
    <Alert
      type="success"
      showIcon
      className="form-alert"
      title={<span>已登记工单 <Link to={`/tickets/${created.no}`} data-testid="created-no">{created.no}</Link></span>}
      description={s?.leadUnit ? `派单建议：${name(s.leadUnit)}${s.coUnits.length ? `，协办 ${s.coUnits.map(name).join('、')}` : ''}（${s.reasons.join('；')}）` : '暂无派单建议，受理后由派单员确定承办单位。'}
      action={<Button onClick={onNext}>登记下一件</Button>}
    />
  );
}

/** Operator desk: key in a hotline call, with the knowledge base beside the form and the dispatch suggestion after. */
export function DeskPage() {
  const [form] = Form.useForm<Record<string, unknown>>();
  const [key, setKey] = useState(newKey);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [created, setCreated] = useState<Created | null>(null);
  const content = (Form.useWatch('content', form) as string | undefined) ?? '';

  async function submit() {
    const body = toBody(form.getFieldsValue(true) as Record<string, unknown>, key);
    const issues = zodFieldErrors(operatorCreateTicketSchema, body, LABELS).map((i) => (i.name[0] === 'location' ? { ...i, name: ['address'] as [string] } : i));
    form.setFields(['type', 'channel', 'callerPhone', 'callerName', 'content', 'address'].map((n) => ({ name: [n], errors: issues.find((i) => i.name[0] === n)?.errors ?? [] })));
    if (issues.length) return setError('请按提示修改后再提交');
    setBusy(true);
    setError(null);
    try {
      const res = await unwrap(api.POST('/api/admin/v1/tickets', { body: body as OperatorCreateBody }));
      const s = await unwrap(api.GET('/api/admin/v1/tickets/{no}/dispatch-suggestion', { params: { path: { no: res.ticket.no } } })).catch(() => null);
      setCreated({ no: res.ticket.no, suggestion: s?.suggestion ?? null });
    } catch (err) {
      if (err instanceof ApiError) form.setFields(Object.entries(fieldErrors(err)).map(([n, m]) => ({ name: [n.split('.')[0] === 'location' ? 'address' : n.split('.')[0]], errors: [m] })));
      setError(messageOf(err));
    } finally {
      setBusy(false);
    }
  }

  function next() {
    form.resetFields();
    setCreated(null);
    setKey(newKey());
  }

  return (
    <Row gutter={16}>
      <Col xs={24} lg={15}>
        <Card title="热线登记" className="ticket-card">
          {created && <CreatedNotice created={created} onNext={next} />}
          {error && <Alert type="error" showIcon title={error} className="form-alert" role="alert" />}
          <Form form={form} layout="vertical" initialValues={{ type: 'complaint', channel: 'hotline' }} onFinish={() => void submit()} disabled={Boolean(created)}>
            <Row gutter={12}>
              <Col xs={24} sm={12}>
                <Form.Item name="type" label="诉求类型">
                  <Select options={TICKET_TYPES.map((t) => ({ value: t, label: TYPE_LABELS[t] }))} />
                </Form.Item>
              </Col>
              <Col xs={24} sm={12}>
                <Form.Item name="channel" label="来源渠道">
                  <Select options={CHANNELS.filter((c) => c !== 'miniapp').map((c) => ({ value: c, label: CHANNEL_LABELS[c] }))} />
                </Form.Item>
              </Col>
              <Col xs={24} sm={12}>
                <Form.Item name="callerPhone" label="来电号码">
                  <Input inputMode="tel" />
                </Form.Item>
              </Col>
              <Col xs={24} sm={12}>
                <Form.Item name="callerName" label="来电人姓名">
                  <Input />
                </Form.Item>
              </Col>
            </Row>
            <Form.Item name="content" label="诉求内容">
              <Input.TextArea autoSize={{ minRows: 4, maxRows: 12 }} />
            </Form.Item>
            <Form.Item name="address" label="地址">
              <Input />
            </Form.Item>
            <Row gutter={12}>
              <Col xs={12}>
                <Form.Item name="class" label="分类">
                  <Select allowClear options={TICKET_CLASSES.map((c) => ({ value: c, label: CLASS_LABELS[c] }))} />
                </Form.Item>
              </Col>
              <Col xs={12}>
                <Form.Item name="discloseIdentity" label="来电人同意承办单位看到其身份（默认保密）" valuePropName="checked">
                  <Switch />
                </Form.Item>
              </Col>
            </Row>
            <Button type="primary" htmlType="submit" size="large" loading={busy}>
              登记
            </Button>
          </Form>
        </Card>
      </Col>
      <Col xs={24} lg={9}>
        <KnowledgePanel text={content} />
        <Typography.Paragraph type="secondary">登记后可在“待受理”队列中受理；派单建议来自派单目录。</Typography.Paragraph>
      </Col>
    </Row>
  );
}
