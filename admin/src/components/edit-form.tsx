import { useState, type ReactNode } from 'react';
import { Alert, Button, Form, Space } from 'antd';
import type { z } from 'zod';
import { ApiError, fieldErrors, messageOf } from '../api/errors';
import { zodFieldErrors } from './zod-form';

/** The 412 of a record (not a ticket): someone saved it since it was read. */
export const STALE_RECORD = '这条记录已被他人修改，您看到的不是最新版本。请载入最新版本，核对后再保存。您填写的内容已保留。';

/** A refusal in plain words: the server's own message (422 reasons included), the record's 412. */
export function recordMessage(err: unknown): string {
  return err instanceof ApiError && err.status === 412 ? STALE_RECORD : messageOf(err);
}

interface Props {
  schema: z.ZodType;
  labels: Record<string, string>;
  initialValues: Record<string, unknown>;
  /** Form values → request body. */
  toBody(values: Record<string, unknown>): Record<string, unknown>;
  send(body: Record<string, unknown>): Promise<unknown>;
  onSaved(result: unknown): void;
  /** Re-reads the record (its new version) without touching what was typed; offered after a 412. */
  onReload?(): Promise<unknown>;
  submitLabel: string;
  /** More buttons beside the submit one (publish, deactivate…). */
  extra?: ReactNode;
  disabled?: boolean;
  /** The form's name: its fields' ids, unique when a page holds two forms. */
  name?: string;
  children: ReactNode;
}

/**
 * An edit form checked with the shared schema the server applies. A refusal (400 field
 * messages, 409, 412, 422 with its reason) is said in the form, which keeps what was typed;
 * after a 412 the latest version can be loaded and the typed values sent again.
 */
export function EditForm({ schema, labels, initialValues, toBody, send, onSaved, onReload, submitLabel, extra, disabled, name, children }: Props) {
  const [form] = Form.useForm<Record<string, unknown>>();
  const [error, setError] = useState<ApiError | string | null>(null);
  const [info, setInfo] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit() {
    const body = toBody(form.getFieldsValue(true) as Record<string, unknown>);
    const issues = zodFieldErrors(schema, body, labels);
    form.setFields(Object.keys(labels).map((n) => ({ name: [n], errors: issues.find((i) => i.name[0] === n)?.errors ?? [] })));
    setInfo(null);
    if (issues.length) return setError('请按提示修改后再提交');
    setBusy(true);
    setError(null);
    try {
      onSaved(await send(body));
      setInfo('已保存');
    } catch (err) {
      if (err instanceof ApiError) form.setFields(Object.entries(fieldErrors(err)).map(([n, m]) => ({ name: [n.split('.')[0]], errors: [m] })));
      setError(err instanceof ApiError ? err : messageOf(err));
    } finally {
      setBusy(false);
    }
  }

  async function reload() {
    await onReload?.();
    setError(null);
    setInfo('已载入最新版本，您填写的内容仍在，请核对后再保存。');
  }

  const stale = error instanceof ApiError && error.status === 412;
  return (
    <Form form={form} name={name} layout="vertical" initialValues={initialValues} disabled={disabled} onFinish={() => void submit()}>
      {error && (
        <Alert
          type="error"
          showIcon
          title={typeof error === 'string' ? error : recordMessage(error)}
          className="form-alert"
          role="alert"
          action={stale && onReload ? <Button size="small" onClick={() => void reload()}>载入最新版本</Button> : undefined}
        />
      )}
      {info && <Alert type="success" showIcon title={info} className="form-alert" role="status" />}
      {children}
      <Space wrap>
        <Button type="primary" htmlType="submit" loading={busy}>
          {submitLabel}
        </Button>
        {extra}
      </Space>
    </Form>
  );
}

/** The If-Match header of a record's version. */
export const ifMatch = (version: number) => ({ header: { 'If-Match': String(version) } });
