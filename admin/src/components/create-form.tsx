import { useState, type ReactNode } from 'react';
import { Alert, Button, Form } from 'antd';
import type { z } from 'zod';
import { ApiError, fieldErrors, messageOf } from '../api/errors';
import { zodFieldErrors } from './zod-form';

interface Props {
  schema: z.ZodType;
  labels: Record<string, string>;
  /** Form values → request body (empty optional fields left out). */
  toBody(values: Record<string, unknown>): Record<string, unknown>;
  send(body: Record<string, unknown>): Promise<unknown>;
  onCreated(result: unknown): void;
  submitLabel: string;
  /** The form's name: its fields' ids, unique when a page holds two forms. */
  name?: string;
  children: ReactNode;
}

/** A create form checked with the shared schema the server applies; a refusal keeps what was typed. */
export function CreateForm({ schema, labels, toBody, send, onCreated, submitLabel, name, children }: Props) {
  const [form] = Form.useForm<Record<string, unknown>>();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit() {
    const body = toBody(form.getFieldsValue(true) as Record<string, unknown>);
    const issues = zodFieldErrors(schema, body, labels);
    form.setFields(Object.keys(labels).map((n) => ({ name: [n], errors: issues.find((i) => i.name[0] === n)?.errors ?? [] })));
    if (issues.length) return setError('请按提示修改后再提交');
    setBusy(true);
    setError(null);
    try {
      const result = await send(body);
      form.resetFields();
      onCreated(result);
    } catch (err) {
      if (err instanceof ApiError) form.setFields(Object.entries(fieldErrors(err)).map(([n, m]) => ({ name: [n.split('.')[0]], errors: [m] })));
      setError(messageOf(err));
    } finally {
      setBusy(false);
    }
  }

  return (
    <Form form={form} name={name} layout="vertical" onFinish={() => void submit()}>
      {error && <Alert type="error" showIcon title={error} className="form-alert" role="alert" />}
      {children}
      <Button type="primary" htmlType="submit" loading={busy}>
        {submitLabel}
      </Button>
    </Form>
  );
}

/** Drops empty strings, nulls and empty lists: optional fields the person left blank. */
export function withoutBlanks(values: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(values).filter(([, v]) => v !== undefined && v !== null && v !== '' && !(Array.isArray(v) && v.length === 0)));
}
