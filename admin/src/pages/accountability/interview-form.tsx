import { useEffect, useMemo, useRef, useState } from 'react';
import { Alert, Button, Card, DatePicker, Form, Input, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { INTERVIEW_GROUND_LABELS, INTERVIEW_GROUNDS, TEXT_LIMITS, text } from '@mashang/shared';
import { api, unwrap } from '../../api/client';
import { ApiError, fieldErrors, messageOf } from '../../api/errors';
import { unitOptions, useUnits } from '../../hooks/use-units';
import type { Interview, InterviewBody, InterviewGround } from './types';

export const INTERVIEW_LABELS = {
  unit: '被约谈单位',
  ground: '约谈情形',
  period: '通报月份',
  heldOn: '约谈日期',
  interviewer: '约谈人',
  interviewee: '被约谈人',
  note: '备注',
} as const;
type Field = keyof typeof INTERVIEW_LABELS;

interface Values {
  unit?: string;
  ground?: InterviewGround;
  period?: Dayjs | null;
  heldOn?: Dayjs | null;
  interviewer?: string;
  interviewee?: string;
  note?: string;
}

/** A marked unit of a published ranking, handed over from the pending list (003 §28(4)). */
export interface InterviewPrefill {
  unit: string;
  period: string;
  /** Changes on every hand-over, so the same unit can be handed over again. */
  nonce: number;
}

/** Which field an API refusal is about (the rest are said above the form only). */
const CODE_FIELDS: Record<string, Field> = {
  UNIT_NOT_FOUND: 'unit',
  UNIT_NOT_MARKED: 'unit',
  PERIOD_REQUIRED: 'period',
  RANKING_NOT_PUBLISHED: 'period',
  GROUND_NOT_IN_PROFILE: 'ground',
};

const isGround = (g: unknown): g is InterviewGround => typeof g === 'string' && (INTERVIEW_GROUNDS as readonly string[]).includes(g);

function textIssue(value: string | undefined, max: number, min: number, label: string): string | null {
  const res = text(max, min).safeParse(value ?? '');
  if (res.success) return null;
  return min > 0 && !(value ?? '').trim() ? `请填写${label}` : (res.error.issues[0]?.message ?? `${label}格式不正确`);
}

/** The checks the API makes (routes.ts interviewBody, service PERIOD_REQUIRED), before sending. */
function check(v: Values): Partial<Record<Field, string>> {
  const out: Partial<Record<Field, string>> = {};
  if (!v.unit) out.unit = `请选择${INTERVIEW_LABELS.unit}`;
  if (!v.ground) out.ground = `请选择${INTERVIEW_LABELS.ground}`;
  if (v.ground === 'ranking' && !v.period) out.period = `请选择${INTERVIEW_LABELS.period}`;
  for (const f of ['interviewer', 'interviewee'] as const) {
    const issue = textIssue(v[f], 100, 1, INTERVIEW_LABELS[f]);
    if (issue) out[f] = issue;
  }
  const note = textIssue(v.note, TEXT_LIMITS.note, 0, INTERVIEW_LABELS.note);
  if (note) out.note = note;
  return out;
}

function bodyOf(v: Values): InterviewBody {
  return {
    unit: v.unit as string,
    ground: v.ground as InterviewGround,
    ...(v.ground === 'ranking' && v.period ? { period: v.period.format('YYYY-MM') } : {}),
    ...(v.heldOn ? { heldOn: v.heldOn.format('YYYY-MM-DD') } : {}),
    interviewer: (v.interviewer ?? '').trim(),
    interviewee: (v.interviewee ?? '').trim(),
    note: (v.note ?? '').trim(),
  };
}

interface Props {
  /** The grounds of the active profile (`interviewGrounds`). */
  grounds: readonly InterviewGround[];
  prefill: InterviewPrefill | null;
  onRecorded(interview: Interview): void;
}

/**
 * 记录约谈 (POST /api/admin/v1/interviews, supervisor and admin): checked as the API checks it; a
 * refusal (400, 404, 409, 422) is said above the form and at its field, and what was typed stays.
 */
export function InterviewForm({ grounds, prefill, onRecorded }: Props) {
  const [form] = Form.useForm<Values>();
  const units = useUnits();
  const [allowed, setAllowed] = useState<readonly InterviewGround[]>(grounds);
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const card = useRef<HTMLDivElement>(null);
  const ground = Form.useWatch('ground', form);
  const initial = useMemo<Values>(() => ({ heldOn: dayjs(), note: '' }), []);

  useEffect(() => setAllowed(grounds), [grounds]);
  useEffect(() => {
    if (!prefill) return;
    form.setFieldsValue({ unit: prefill.unit, ground: 'ranking', period: dayjs(`${prefill.period}-01`) });
    form.setFields((['unit', 'ground', 'period'] as const).map((n) => ({ name: n, errors: [] })));
    setDone(null);
    card.current?.scrollIntoView({ behavior: 'smooth', block: 'start' });
  }, [prefill, form]);

  const show = (issues: Partial<Record<Field, string>>) =>
    form.setFields((Object.keys(INTERVIEW_LABELS) as Field[]).map((n) => ({ name: n, errors: issues[n] ? [issues[n] as string] : [] })));

  async function submit() {
    const values = form.getFieldsValue(true) as Values;
    const issues = check(values);
    show(issues);
    setDone(null);
    if (Object.keys(issues).length) return setError('请按提示修改后再提交');
    setBusy(true);
    setError(null);
    try {
      const res = await unwrap(api.POST('/api/admin/v1/interviews', { body: bodyOf(values) }));
      form.resetFields();
      setDone(`已记录：${res.interview.unitName}（${res.interview.period}）`);
      onRecorded(res.interview);
    } catch (err) {
      if (err instanceof ApiError) {
        const byField: Partial<Record<Field, string>> = {};
        for (const [path, m] of Object.entries(fieldErrors(err))) byField[path.split('.')[0] as Field] = m;
        const field = CODE_FIELDS[err.code];
        if (field) byField[field] = err.message;
        if (err.code === 'GROUND_NOT_IN_PROFILE') {
          const named = (err.details as { allowed?: unknown } | undefined)?.allowed;
          if (Array.isArray(named)) setAllowed(named.filter(isGround));
        }
        show(byField);
      }
      setError(messageOf(err));
    } finally {
      setBusy(false);
    }
  }

  return (
    <div ref={card}>
      <Card className="ticket-card" title="记录约谈" data-testid="interview-form">
        <Form form={form} name="interview" layout="vertical" initialValues={initial} onFinish={() => void submit()}>
          {error && <Alert type="error" showIcon role="alert" title={error} className="form-alert" data-testid="interview-error" />}
          {done && <Alert type="success" showIcon role="status" title={done} className="form-alert" />}
          <Form.Item name="unit" label={INTERVIEW_LABELS.unit}>
            <Select showSearch optionFilterProp="label" allowClear options={unitOptions(units)} placeholder="选择单位" />
          </Form.Item>
          <Form.Item name="ground" label={INTERVIEW_LABELS.ground}>
            <Select allowClear placeholder="选择约谈情形" options={allowed.map((g) => ({ value: g, label: INTERVIEW_GROUND_LABELS[g] }))} />
          </Form.Item>
          {ground === 'ranking' && (
            <Form.Item name="period" label={INTERVIEW_LABELS.period} extra="该单位在此月通报排名中达到约谈标准">
              <DatePicker picker="month" format="YYYY-MM" style={{ width: '100%' }} />
            </Form.Item>
          )}
          <Form.Item name="heldOn" label={INTERVIEW_LABELS.heldOn} extra={ground === 'ranking' ? undefined : '计入约谈日期所在月份'}>
            <DatePicker format="YYYY-MM-DD" style={{ width: '100%' }} />
          </Form.Item>
          <Form.Item name="interviewer" label={INTERVIEW_LABELS.interviewer}>
            <Input placeholder="如：市政府办公室副主任" autoComplete="off" />
          </Form.Item>
          <Form.Item name="interviewee" label={INTERVIEW_LABELS.interviewee}>
            <Input placeholder="如：分管副区长" autoComplete="off" />
          </Form.Item>
          <Form.Item name="note" label={INTERVIEW_LABELS.note}>
            <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} />
          </Form.Item>
          <Button type="primary" htmlType="submit" loading={busy}>
            记录约谈
          </Button>
        </Form>
      </Card>
    </div>
  );
}
