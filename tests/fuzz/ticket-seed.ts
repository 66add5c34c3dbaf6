/**
 * Tickets for the fuzzer to act on, one in each stage of the workflow (submitted,
 * supplementing, accepted, dispatched, handling, replied, visiting), owned by the principal
 * citizen and dispatched to the principal handler's unit; and the generic action route split
 * into one operation per action, with that action's body schema from shared/, so the fuzzer
 * reaches the state machine instead of stopping at validation.
 */
import { z } from 'zod';
import { ACTION_INPUT_SCHEMAS, TICKET_ACTIONS } from '@mashang/shared';
import type { TestApp } from '../support/app';
import type { JsonSchema, Operation } from './openapi-ops';
import type { Principals } from './principals';

type Step = { action: string; as: 'operator' | 'dispatcher' | 'handler'; body: (unit: string) => unknown };

const ACCEPT: Step = { action: 'accept', as: 'operator', body: () => ({}) };
const DISPATCH: Step = { action: 'dispatch', as: 'dispatcher', body: (unit) => ({ leadUnit: unit }) };
const SIGN: Step = { action: 'sign', as: 'handler', body: () => ({}) };
const REPLY: Step = { action: 'reply', as: 'handler', body: () => ({ result: '已安排人员维修，问题已处理完毕。' }) };
const REVIEW: Step = { action: 'review', as: 'operator', body: () => ({ approve: true }) };

const STAGES: Step[][] = [
  [],
  [{ action: 'request-supplement', as: 'operator', body: () => ({ note: '请补充具体位置' }) }],
  [ACCEPT],
  [ACCEPT, DISPATCH],
  [ACCEPT, DISPATCH, SIGN],
  [ACCEPT, DISPATCH, SIGN, REPLY],
  [ACCEPT, DISPATCH, SIGN, REPLY, REVIEW],
];

/** Creates the tickets through the API; returns their numbers. */
export async function seedTickets(t: TestApp, p: Principals): Promise<string[]> {
  const nos: string[] = [];
  for (const [i, steps] of STAGES.entries()) {
    const res = await t.http
      .post('/api/v1/tickets')
      .set('Authorization', `Bearer ${p.tokens.citizen}`)
      .send({ type: 'help', content: `模糊测试工单${i}：路灯不亮，请维修`, attachments: [], location: { address: '测试路 1 号' }, idempotencyKey: `fuzz-seed-${i}-${Date.now()}` });
    if (res.status !== 201) throw new Error(`seed submit: ${res.status} ${JSON.stringify(res.body)}`);
    const no = res.body.ticket.no as string;
    for (const step of steps) {
      const r = await t.http.post(`/api/admin/v1/tickets/${no}/${step.action}`).set('Authorization', `Bearer ${p.tokens[step.as]}`).send(step.body(p.unitId) as object);
      if (r.status !== 200) throw new Error(`seed ${step.action}: ${r.status} ${JSON.stringify(r.body)}`);
    }
    nos.push(no);
  }
  return nos;
}

const bodySchemaOf = (action: (typeof TICKET_ACTIONS)[number]): JsonSchema => {
  const js = z.toJSONSchema(ACTION_INPUT_SCHEMAS[action], { target: 'openapi-3.0', io: 'input', unrepresentable: 'any' }) as JsonSchema & { $schema?: string };
  delete js.$schema;
  return js;
};

/** `POST …/{action}` with an `action` path enum becomes one operation per action, each with its body schema. */
export function expandActionOperations(ops: Operation[]): Operation[] {
  return ops.flatMap((op) => {
    const action = op.params.find((p) => p.in === 'path' && p.name === 'action');
    if (op.method !== 'post' || !action?.schema.enum) return [op];
    return (action.schema.enum as string[])
      .filter((a): a is (typeof TICKET_ACTIONS)[number] => (TICKET_ACTIONS as readonly string[]).includes(a))
      .map((a) => ({ ...op, path: op.path.replace('{action}', a), params: op.params.filter((p) => p !== action), body: bodySchemaOf(a) }));
  });
}
