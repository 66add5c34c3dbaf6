import { useEffect, useMemo, useState } from 'react';
import { Alert, Card, DatePicker, Space, Table } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { api, unwrap } from '../../api/client';
import { messageOf } from '../../api/errors';
import type { UnitStats } from '../../api/types';
import { Chart, type ChartOption } from '../../components/chart';
import { PAGE_ROLES } from '../../labels';
import { useSession } from '../../session/use-session';
import { ReportButtons } from './report-buttons';
import { MonthlyTrend } from './trend';

type Row = UnitStats['items'][number];
type RateKey = keyof Row['rates'];

const RATES: Array<[RateKey, string]> = [
  ['response', '响应率'],
  ['resolution', '解决率'],
  ['satisfaction', '满意率'],
  ['onTime', '按时办结率'],
];

const pct = (v: number | null) => (v === null ? '—' : `${Math.round(v * 1000) / 10}%`);

function chartOf(rows: Row[]): ChartOption {
  const ranked = [...rows].filter((r) => r.figures.received > 0).sort((a, b) => (b.rates.satisfaction ?? -1) - (a.rates.satisfaction ?? -1)).slice(0, 15);
  return {
    tooltip: { trigger: 'axis', valueFormatter: (v: unknown) => `${v}%` },
    legend: { top: 0 },
    grid: { left: 8, right: 8, bottom: 8, top: 36, containLabel: true },
    xAxis: { type: 'category', data: ranked.map((r) => r.unitName), axisLabel: { interval: 0, rotate: 30 } },
    yAxis: { type: 'value', max: 100 },
    series: RATES.map(([k, name]) => ({ type: 'bar', name, barMaxWidth: 32, data: ranked.map((r) => (r.rates[k] === null ? 0 : Math.round((r.rates[k] as number) * 1000) / 10)) })),
  };
}

/** Figures for the chosen days; without a choice, the server's default window (this month so far, by its clock). */
function useUnitStats(range: [Dayjs, Dayjs] | null) {
  const [data, setData] = useState<UnitStats | null>(null);
  const [error, setError] = useState<string | null>(null);
  const from = range?.[0].format('YYYY-MM-DD');
  const to = range?.[1].format('YYYY-MM-DD');
  useEffect(() => {
    let live = true;
    setError(null);
    unwrap(api.GET('/api/admin/v1/stats/units', { params: { query: from && to ? { from, to } : {} } }))
      .then((d) => live && setData(d))
      .catch((err: unknown) => live && setError(messageOf(err)));
    return () => {
      live = false;
    };
  }, [from, to]);
  return { data, error };
}

/** Leader and supervisor view: the per-unit figures and rates as a table and a chart, and the report exports. */
export function StatsPage() {
  const { has } = useSession();
  const [range, setRange] = useState<[Dayjs, Dayjs] | null>(null);
  const { data, error } = useUnitStats(range);
  const rows = data?.items ?? [];
  const option = useMemo(() => chartOf(rows), [rows]);

  return (
    <div>
      <Card className="ticket-card" title="统计期间">
        <Space wrap>
          <DatePicker.RangePicker value={range ?? (data ? [dayjs(data.from), dayjs(data.to)] : null)} allowClear={false} onChange={(r) => r?.[0] && r[1] && setRange([r[0], r[1]])} />
          {has(...PAGE_ROLES.reports) && <ReportButtons />}
        </Space>
      </Card>
      {error && <Alert type="error" showIcon title={error} className="form-alert" />}
      <Card className="ticket-card" title="各单位考核指标（满意率排名）">
        <Chart option={option} label="各单位响应率、解决率、满意率、按时办结率" />
      </Card>
      {has('supervisor', 'admin', 'operator') && <MonthlyTrend />}
      <Card className="ticket-card" title="各单位明细">
        <Table
          rowKey="unit"
          size="small"
          scroll={{ x: true }}
          dataSource={rows}
          pagination={false}
          loading={!data && !error}
          columns={[
            { title: '单位', dataIndex: 'unitName', fixed: 'left', render: (v: string, r) => <span style={{ paddingLeft: r.depth * 12 }}>{v}</span> },
            { title: '受理', render: (_: unknown, r) => r.figures.received },
            { title: '签收', render: (_: unknown, r) => r.figures.signed },
            { title: '答复', render: (_: unknown, r) => r.figures.replied },
            { title: '超期', render: (_: unknown, r) => r.figures.overdue },
            ...RATES.map(([k, title]) => ({ title, render: (_: unknown, r: Row) => pct(r.rates[k]) })),
            { title: '平均用时（工作日）', render: (_: unknown, r) => (r.rates.averageDays === null ? '—' : r.rates.averageDays.toFixed(1)) },
          ]}
        />
        {data && (
          <p style={{ marginTop: 8 }} data-testid="stats-total">
            合计：受理 {data.total.figures.received} 件，满意率 {pct(data.total.rates.satisfaction)}，按时办结率 {pct(data.total.rates.onTime)}
          </p>
        )}
      </Card>
    </div>
  );
}
