import { useMemo, useState } from 'react';
import { Alert, Badge, Button, DatePicker, Input, Select, Space, Switch, Tabs } from 'antd';
import type { Dayjs } from 'dayjs';
import { CHANNEL_LABELS, CHANNELS, CLASS_LABELS, TICKET_CLASSES, TICKET_TYPES, TYPE_LABELS } from '@mashang/shared';
import type { CountsQuery, TicketListQuery, TicketSummary } from '../../api/types';
import { TicketList } from '../../components/ticket-list';
import { unitOptions, useUnits } from '../../hooks/use-units';
import { useSession } from '../../session/use-session';
import { queuesFor } from './queues';
import { useQueue, useQueueCounts } from './use-queue';

interface Filters {
  type?: TicketListQuery['type'];
  channel?: TicketListQuery['channel'];
  class?: TicketListQuery['class'];
  unit?: string;
  q?: string;
  range?: [Dayjs | null, Dayjs | null] | null;
}

/** The filters as query parameters: the same for the list and for the counts. */
function filterQuery(f: Filters): CountsQuery {
  const [from, to] = f.range ?? [];
  return {
    ...(f.type ? { type: f.type } : {}),
    ...(f.channel ? { channel: f.channel } : {}),
    ...(f.class ? { class: f.class } : {}),
    ...(f.unit ? { unit: f.unit } : {}),
    ...(f.q?.trim() ? { q: f.q.trim() } : {}),
    ...(from ? { from: from.format('YYYY-MM-DD') } : {}),
    ...(to ? { to: to.format('YYYY-MM-DD') } : {}),
  };
}

const byDue = (a: TicketSummary, b: TicketSummary) => (a.dueAt ?? '9999').localeCompare(b.dueAt ?? '9999');

function FilterBar({ value, onChange }: { value: Filters; onChange(f: Filters): void }) {
  const units = useUnits();
  const [text, setText] = useState(value.q ?? '');
  return (
    <Space className="filters" wrap>
      <Select allowClear placeholder="类型" style={{ width: 110 }} value={value.type} onChange={(type) => onChange({ ...value, type })} options={TICKET_TYPES.map((t) => ({ value: t, label: TYPE_LABELS[t] }))} />
      <Select allowClear placeholder="渠道" style={{ width: 110 }} value={value.channel} onChange={(channel) => onChange({ ...value, channel })} options={CHANNELS.map((c) => ({ value: c, label: CHANNEL_LABELS[c] }))} />
      <Select allowClear placeholder="分类" style={{ width: 110 }} value={value.class} onChange={(cls) => onChange({ ...value, class: cls })} options={TICKET_CLASSES.map((c) => ({ value: c, label: CLASS_LABELS[c] }))} />
      <Select allowClear showSearch optionFilterProp="label" placeholder="单位（含下级）" style={{ width: 200 }} value={value.unit} onChange={(unit) => onChange({ ...value, unit })} options={unitOptions(units)} />
      <DatePicker.RangePicker value={value.range ?? null} onChange={(range) => onChange({ ...value, range })} />
      <Input.Search placeholder="编号或关键词" allowClear style={{ width: 200 }} value={text} onChange={(e) => setText(e.target.value)} onSearch={(q) => onChange({ ...value, q })} />
    </Space>
  );
}

/** The landing page: the queues of the signed-in staff member's roles, with counts and filters. */
export function QueuesPage() {
  const { staff } = useSession();
  const [filters, setFilters] = useState<Filters>({});
  const counts = useQueueCounts(filterQuery(filters));
  const queues = queuesFor(staff?.roles ?? [], counts);
  const [active, setActive] = useState(queues[0]?.key ?? 'all');
  const [sortByDue, setSortByDue] = useState(true);
  const queue = queues.find((q) => q.key === active) ?? queues[0];
  const state = useQueue({ ...queue?.query, ...filterQuery(filters) });
  const units = useUnits();
  const names = useMemo(() => new Map(units.map((u) => [u.id, u.name])), [units]);
  const items = sortByDue ? [...state.items].sort(byDue) : state.items;

  return (
    <div>
      <Tabs
        className="queue-tabs"
        activeKey={queue?.key}
        onChange={setActive}
        items={queues.map((q) => ({ key: q.key, label: (
            <span data-queue={q.key} data-count={counts ? q.count(counts) : undefined}>
              {q.label}
              <Badge count={counts ? q.count(counts) : '…'} showZero overflowCount={9999} color={q.alarm ? 'red' : 'blue'} />
            </span>
          ),
        }))}
      />
      <FilterBar value={filters} onChange={setFilters} />
      <Space style={{ marginBottom: 8 }}>
        <Switch checked={sortByDue} onChange={setSortByDue} /> 按办理期限排序
      </Space>
      {state.error && <Alert type="error" showIcon title={state.error} className="form-alert" />}
      <TicketList items={items} loading={state.loading} unitName={(id) => (id ? (names.get(id) ?? '—') : '—')} />
      {state.hasMore && (
        <Button block style={{ marginTop: 12 }} onClick={state.loadMore} loading={state.loading}>
          加载更多
        </Button>
      )}
    </div>
  );
}
