import { useEffect, useState } from 'react';
import { Alert, Button, Form, Modal, Space } from 'antd';
import { ACTION_INPUT_SCHEMAS, type TicketAction } from '@mashang/shared';
import { postAction } from '../../api/client';
import { ApiError, fieldErrors, messageOf } from '../../api/errors';
import type { StaffTicket } from '../../api/types';
import { zodFieldErrors } from '../../components/zod-form';
import { actionVerb } from '../../labels';
import { ACTION_FIELDS, fieldLabels } from './action-fields';
import { actionBody } from './action-body';
import { FieldInput } from './field-input';

interface Props {
  ticket: StaffTicket;
  action: TicketAction | null;
  initial?: Record<string, unknown>;
  onClose(): void;
  onDone(): void;
  /** Reloads the ticket (after a 409/412) without closing the form. */
  onReload(): Promise<void>;
}

/**
 * The form of one action: checked with the action's shared schema before sending, sent with
 * If-Match (the version on screen). On any refusal the form stays open with what was typed.
 */
export function ActionDialog({ ticket, action, initial, onClose, onDone, onReload }: Props) {
  const [form] = Form.useForm<Record<string, unknown>>();
  const [error, setError] = useState<ApiError | string | null>(null);
  const [busy, setBusy] = useState(false);
  const fields = action ? (ACTION_FIELDS[action] ?? []) : [];

  useEffect(() => {
    if (!action) return;
    form.resetFields();
    form.setFieldsValue(initial ?? {});
    setError(null);
  }, [action, initial, form]);

  async function submit() {
    if (!action) return;
    const values = form.getFieldsValue(true) as Record<string, unknown>;
    const body = actionBody(fields, values);
    const issues = zodFieldErrors(ACTION_INPUT_SCHEMAS[action], body, fieldLabels(fields));
    form.setFields(fields.map((f) => ({ name: [f.name], errors: issues.find((i) => i.name[0] === f.name)?.errors ?? [] })));
    if (issues.length) return setError('请按提示修改后再提交');
    setBusy(true);
    setError(null);
    try {
      await postAction(ticket.no, action, body, ticket.version);
      onDone();
    } catch (err) {
      const byField = err instanceof ApiError ? fieldErrors(err) : {};
      form.setFields(Object.entries(byField).map(([name, msg]) => ({ name: [name.split('.')[0]], errors: [msg] })));
      setError(err instanceof ApiError ? err : messageOf(err));
    } finally {
      setBusy(false);
    }
  }

  const stale = error instanceof ApiError && (error.status === 409 || error.status === 412);
  const title = action ? `${actionVerb(action)} · ${ticket.no}` : '';
  return (
    <Modal open={Boolean(action)} title={title} onCancel={onClose} footer={null} forceRender destroyOnHidden={false} width={560}>
      {error && (
        <Alert
          className="form-alert"
          type="error"
          showIcon
          role="alert"
          title={typeof error === 'string' ? error : error.message}
          action={stale ? <Button size="small" onClick={() => void onReload().then(() => setError('已刷新为最新版本，请确认后再提交'))}>刷新工单</Button> : undefined}
        />
      )}
      <Form form={form} layout="vertical" onFinish={() => void submit()} data-action={action ?? ''}>
        {fields.map((f) => (
          <Form.Item key={f.name} name={f.name} label={f.label}>
            <FieldInput spec={f} />
          </Form.Item>
        ))}
        {!fields.length && <p>确认{action ? actionVerb(action) : ''}？</p>}
        <Space>
          <Button type="primary" htmlType="submit" loading={busy} size="large">
            提交
          </Button>
          <Button onClick={onClose} size="large">
            取消
          </Button>
        </Space>
      </Form>
    </Modal>
  );
}
