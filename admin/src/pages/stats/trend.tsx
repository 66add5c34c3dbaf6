import { useEffect, useMemo, useState } from 'react';
import { Alert, Card } from 'antd';
import dayjs from 'dayjs';
import { api, unwrap } from '../../api/client';
import { messageOf } from '../../api/errors';
import { Chart, type ChartOption } from '../../components/chart';

const MONTHS = 6;

interface Month {
  label: string;
  received: number;
  closed: number;
}

/** The last six months (this one so far), one GET /api/admin/v1/stats/overview each. */
function useMonthly(): { months: Month[] | null; error: string | null } {
  const [months, setMonths] = useState<Month[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    const now = dayjs();
    const windows = Array.from({ length: MONTHS }, (_, i) => now.subtract(MONTHS - 1 - i, 'month').startOf('month'));
    Promise.all(
      windows.map(async (start) => {
        const end = start.endOf('month').isAfter(now) ? now : start.endOf('month');
        const o = await unwrap(api.GET('/api/admin/v1/stats/overview', { params: { query: { from: start.format('YYYY-MM-DD'), to: end.format('YYYY-MM-DD') } } }));
        return { label: start.format('YYYY-MM'), received: o.received, closed: o.byStatus.closed ?? 0 };
      }),
    )
      .then((m) => live && setMonths(m))
      .catch((err: unknown) => live && setError(messageOf(err)));
    return () => {
      live = false;
    };
  }, []);
  return { months, error };
}

/** 月度趋势: tickets received and closed per month (received in that month). */
export function MonthlyTrend() {
  const { months, error } = useMonthly();
  const option = useMemo<ChartOption>(
    () => ({
      tooltip: { trigger: 'axis' },
      legend: { top: 0 },
      grid: { left: 8, right: 8, bottom: 8, top: 36, containLabel: true },
      xAxis: { type: 'category', data: (months ?? []).map((m) => m.label) },
      yAxis: { type: 'value', minInterval: 1 },
      series: [
        { type: 'line', name: '受理', smooth: true, data: (months ?? []).map((m) => m.received) },
        { type: 'line', name: '已办结', smooth: true, data: (months ?? []).map((m) => m.closed) },
      ],
    }),
    [months],
  );
  return (
    <Card className="ticket-card" title="月度趋势（近六个月）" data-testid="monthly-trend">
      {error && <Alert type="error" showIcon title={error} className="form-alert" />}
      {months && <Chart option={option} label="近六个月每月受理与办结件数" />}
      {months && (
        <p className="sr-summary" data-testid="trend-summary">
          {months.map((m) => `${m.label} 受理 ${m.received} 件`).join('，')}
        </p>
      )}
    </Card>
  );
}
