/**
 * The BFF's Prometheus metrics: one registry per app (tests build several apps in one process,
 * so nothing goes to prom-client's global registry). What each instance measures itself (HTTP,
 * database commands, its sweeper passes and notice deliveries) is recorded as it happens; what
 * the database knows (ticket counts, outbox backlog, sweeper lag across instances) is read at
 * scrape time (gauges.ts).
 */
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';

export interface Metrics {
  registry: Registry;
  httpDuration: Histogram<'method' | 'route' | 'status'>;
  dbCommandDuration: Histogram<'command' | 'outcome'>;
  sweepDuration: Histogram<'outcome'>;
  sweepLastPass: Gauge;
  outboxDeliveries: Counter<'outcome'>;
  databaseUp: Gauge;
  ticketsOpen: Gauge<'profile'>;
  ticketsOverdue: Gauge<'profile'>;
  ticketsDueSoon: Gauge<'profile'>;
  outboxNotices: Gauge<'state'>;
  sweepLag: Gauge<'lease'>;
}

/** Latency buckets (seconds) from a 1 ms driver call to a 10 s report export. */
const HTTP_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];
const DB_BUCKETS = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5];
const SWEEP_BUCKETS = [0.1, 0.5, 1, 2.5, 5, 10, 30, 60, 120, 300];

export function createMetrics(): Metrics {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, prefix: 'mashang_' });
  const registers = [registry];
  return {
    registry,
    httpDuration: new Histogram({
      name: 'mashang_http_request_duration_seconds',
      help: 'HTTP requests by method, route template (unmatched: no route) and status',
      labelNames: ['method', 'route', 'status'],
      buckets: HTTP_BUCKETS,
      registers,
    }),
    dbCommandDuration: new Histogram({
      name: 'mashang_db_command_duration_seconds',
      help: 'Database commands (MongoDB driver command monitoring) by command name and outcome',
      labelNames: ['command', 'outcome'],
      buckets: DB_BUCKETS,
      registers,
    }),
    sweepDuration: new Histogram({
      name: 'mashang_sweeper_pass_duration_seconds',
      help: 'Sweeper passes run by this instance (outcome: ran, failed)',
      labelNames: ['outcome'],
      buckets: SWEEP_BUCKETS,
      registers,
    }),
    sweepLastPass: new Gauge({ name: 'mashang_sweeper_last_pass_timestamp_seconds', help: 'When the last pass of this instance finished (Unix time; 0: none yet)', registers }),
    outboxDeliveries: new Counter({
      name: 'mashang_outbox_deliveries_total',
      help: 'Subscribe-message delivery attempts by this instance (outcome: sent, retrying, failed, skipped, error)',
      labelNames: ['outcome'],
      registers,
    }),
    databaseUp: new Gauge({ name: 'mashang_database_up', help: '1 when the database answered the scrape-time queries within 1 s', registers }),
    ticketsOpen: new Gauge({ name: 'mashang_tickets_open', help: 'Tickets in an open (non-terminal) status', labelNames: ['profile'], registers }),
    ticketsOverdue: new Gauge({ name: 'mashang_tickets_overdue', help: 'Tickets past their due date while the unit still owes the reply', labelNames: ['profile'], registers }),
    ticketsDueSoon: new Gauge({ name: 'mashang_tickets_due_soon', help: "Tickets inside the profile's warning window before their due date", labelNames: ['profile'], registers }),
    outboxNotices: new Gauge({
      name: 'mashang_outbox_notices',
      help: 'Subscribe messages in the outbox by state (queued: waiting or retrying, due: queued and due now, failed: given up)',
      labelNames: ['state'],
      registers,
    }),
    sweepLag: new Gauge({
      name: 'mashang_sweeper_lag_seconds',
      help: 'Seconds since any instance last started a pass of the job holding this lease (absent: it never ran, or the database did not answer)',
      labelNames: ['lease'],
      registers,
    }),
  };
}
