import { useState } from 'react';
import { App, Button, Input, Select, Space } from 'antd';
import { REPORT_KIND_LABELS, REPORT_KINDS, reportQuerySchema, type ReportKind } from '@mashang/shared';
import { download } from '../../api/client';
import { messageOf } from '../../api/errors';

/** Report export (003 §19): weekly, monthly or yearly, CSV or XLSX; an empty period means the last complete one. */
export function ReportButtons() {
  const { message } = App.useApp();
  const [kind, setKind] = useState<ReportKind>('monthly');
  const [period, setPeriod] = useState('');
  const [busy, setBusy] = useState<string | null>(null);

  async function fetchReport(format: 'csv' | 'xlsx') {
    const checked = reportQuerySchema.safeParse({ format, ...(period.trim() ? { period: period.trim() } : {}) });
    if (!checked.success) return void message.error(checked.error.issues[0].message);
    setBusy(format);
    try {
      const qs = new URLSearchParams({ format, ...(checked.data.period ? { period: checked.data.period } : {}) });
      await download(`/api/admin/v1/reports/${kind}?${qs}`, `report-${kind}.${format}`);
    } catch (err) {
      message.error(messageOf(err));
    } finally {
      setBusy(null);
    }
  }

  return (
    <Space wrap>
      <Select value={kind} onChange={setKind} style={{ width: 110 }} options={REPORT_KINDS.map((k) => ({ value: k, label: REPORT_KIND_LABELS[k] }))} />
      <Input placeholder="期间，如 2026-11（默认上一期）" value={period} onChange={(e) => setPeriod(e.target.value)} style={{ width: 230 }} />
      <Button onClick={() => void fetchReport('xlsx')} loading={busy === 'xlsx'} data-testid="export-xlsx">
        导出 Excel
      </Button>
      <Button onClick={() => void fetchReport('csv')} loading={busy === 'csv'} data-testid="export-csv">
        导出 CSV
      </Button>
    </Space>
  );
}
