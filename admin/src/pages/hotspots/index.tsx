import { useEffect, useMemo, useState } from 'react';
import { Alert, Card, DatePicker, Empty, Segmented, Space, Table, Tag } from 'antd';
import type { Dayjs } from 'dayjs';
import { HOTSPOT_DIMENSION_LABELS, HOTSPOT_DIMENSIONS, type HotspotDimension } from '@mashang/shared';
import { api, unwrap } from '../../api/client';
import { messageOf } from '../../api/errors';
import type { Hotspots } from '../../api/types';
import { Chart, type ChartOption } from '../../components/chart';

function useHotspots(by: HotspotDimension, range: [Dayjs, Dayjs] | null) {
  const [data, setData] = useState<Hotspots | null>(null);
  const [error, setError] = useState<string | null>(null);
  const from = range?.[0].format('YYYY-MM-DD');
  const to = range?.[1].format('YYYY-MM-DD');
  useEffect(() => {
    let live = true;
    setError(null);
    unwrap(api.GET('/api/admin/v1/stats/hotspots', { params: { query: { by, top: 20, ...(from && to ? { from, to } : {}) } } }))
      .then((d) => live && setData(d))
      .catch((err: unknown) => live && setError(messageOf(err)));
    return () => {
      live = false;
    };
  }, [by, from, to]);
  return { data, error };
}

const pct = (v: number) => `${Math.round(v * 1000) / 10}%`;

/** 热点分析 (000 §21, 001 §27): what people ask about most, where, and what is rising. */
export function HotspotsPage() {
  const [by, setBy] = useState<HotspotDimension>('category');
  const [range, setRange] = useState<[Dayjs, Dayjs] | null>(null);
  const { data, error } = useHotspots(by, range);
  const option = useMemo<ChartOption>(() => {
    const buckets = data?.buckets ?? [];
    return {
      tooltip: { trigger: 'axis' },
      grid: { left: 8, right: 16, bottom: 8, top: 8, containLabel: true },
      xAxis: by === 'week' ? { type: 'category', data: buckets.map((b) => b.label) } : { type: 'value', minInterval: 1 },
      yAxis: by === 'week' ? { type: 'value', minInterval: 1 } : { type: 'category', inverse: true, data: buckets.map((b) => b.label) },
      series: [{ type: by === 'week' ? 'line' : 'bar', name: '件数', barMaxWidth: 24, data: buckets.map((b) => b.count) }],
    };
  }, [data, by]);

  return (
    <div>
      <Card className="ticket-card" title="热点分析">
        <Space wrap>
          <Segmented<HotspotDimension> value={by} onChange={setBy} options={HOTSPOT_DIMENSIONS.map((d) => ({ value: d, label: HOTSPOT_DIMENSION_LABELS[d] }))} />
          <DatePicker.RangePicker onChange={(r) => setRange(r?.[0] && r[1] ? [r[0], r[1]] : null)} />
        </Space>
        {data && (
          <p style={{ marginTop: 8 }} data-testid="hotspots-total">
            {data.from.slice(0, 10)} 至 {data.to.slice(0, 10)}，共 {data.total} 件{data.approximate ? '（部分按内容推断分类）' : ''}
          </p>
        )}
      </Card>
      {error && <Alert type="error" showIcon title={error} className="form-alert" />}
      <Card className="ticket-card" title="上升预警" data-testid="hotspot-warnings">
        {data?.warnings.length ? (
          <Space wrap>
            {data.warnings.map((w) => (
              <Tag color="red" key={`${w.dimension}-${w.key}`}>
                {w.label}：近 7 天 {w.current} 件，此前每周约 {Math.round(w.baseline * 10) / 10} 件
              </Tag>
            ))}
          </Space>
        ) : (
          <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="没有明显上升的事项" />
        )}
        {data && <p style={{ marginTop: 8, color: '#888', fontSize: 13 }}>{data.rule}</p>}
      </Card>
      <Card className="ticket-card" title={`按${HOTSPOT_DIMENSION_LABELS[by]}`}>
        {data && data.buckets.length > 0 && <Chart option={option} label={`按${HOTSPOT_DIMENSION_LABELS[by]}统计的诉求件数`} />}
        <Table
          rowKey={(b) => b.key ?? b.label}
          size="small"
          loading={!data && !error}
          dataSource={data?.buckets ?? []}
          pagination={false}
          locale={{ emptyText: '这段时间没有诉求' }}
          columns={[
            { title: HOTSPOT_DIMENSION_LABELS[by], dataIndex: 'label' },
            { title: '件数', dataIndex: 'count' },
            { title: '占比', dataIndex: 'share', render: (v: number) => pct(v) },
          ]}
        />
      </Card>
    </div>
  );
}
