import { useState } from 'react';
import { Alert, Button, Card, Form, Input, Typography } from 'antd';
import { staffLoginSchema } from '@mashang/shared';
import { ApiError, messageOf } from '../../api/errors';
import { useSession } from '../../session/use-session';
import { zodFieldErrors } from '../../components/zod-form';

interface LoginFields {
  username: string;
  password: string;
}

/** The message for a refused login: the API's lockout answer says how long this client must wait. */
function loginMessage(err: unknown): string {
  if (err instanceof ApiError && err.code === 'ACCOUNT_LOCKED') {
    const wait = err.retryAfterSeconds ?? 30;
    return `登录失败次数过多，请 ${wait >= 60 ? `${Math.ceil(wait / 60)} 分钟` : `${wait} 秒`}后再试。`;
  }
  if (err instanceof ApiError && err.code === 'INVALID_CREDENTIALS') return '用户名或密码不正确（连续错误 5 次后需等待一段时间才能再试）。';
  return messageOf(err);
}

export function LoginPage() {
  const { login } = useSession();
  const [form] = Form.useForm<Record<string, string>>();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(values: LoginFields) {
    // Checked with the same schema the server applies.
    const issues = zodFieldErrors(staffLoginSchema, { ...values }, { username: '用户名', password: '密码' });
    if (issues.length) return form.setFields(issues);
    setBusy(true);
    setError(null);
    try {
      await login(values.username.trim(), values.password);
    } catch (err) {
      setError(loginMessage(err));
    } finally {
      setBusy(false);
    }
  }

  return (
    <div className="login-page">
      <Card className="login-card">
        <Typography.Title level={3}>码上反映·工作台</Typography.Title>
        <Typography.Paragraph type="secondary">受理、派单、承办、督办、回访的工作平台</Typography.Paragraph>
        {error && <Alert className="form-alert" type="error" showIcon title={error} role="alert" />}
        <Form form={form} layout="vertical" onFinish={(v) => void submit(v as unknown as LoginFields)} requiredMark={false}>
          <Form.Item label="用户名" name="username" rules={[{ required: true, message: '请输入用户名' }]}>
            <Input autoComplete="username" size="large" />
          </Form.Item>
          <Form.Item label="密码" name="password" rules={[{ required: true, message: '请输入密码' }]}>
            <Input.Password autoComplete="current-password" size="large" />
          </Form.Item>
          <Button type="primary" htmlType="submit" size="large" block loading={busy}>
            登录
          </Button>
        </Form>
      </Card>
    </div>
  );
}
