/**
 * Demo tickets for the demo city, in various states, so a newcomer sees a working platform and
 * can take any of them one step further. Every ticket is made the way real ones are: submitted
 * through the ticket service and moved by `performAction` (the state machine), never written
 * as raw documents. The demo citizen logs in (dev-login) with the code `demo-resident`.
 */
import { createTicketSchema, operatorCreateTicketSchema, type RegulationProfile, type TicketAction } from '@mashang/shared';
import { findOrCreateCitizen } from '../citizens/service';
import type { CitizenActor, StaffActor } from '../http/route';
import { getStaff } from '../staff/service';
import { performAction } from '../tickets/actions';
import { keyInTicket, submitTicket } from '../tickets/create';
import type { TicketDeps } from '../tickets/deps';
import { ticketModel } from '../tickets/model';
import type { DemoOrg } from './demo-org';

export const DEMO_CITIZEN_CODE = 'demo-resident';

type Who = 'citizen' | 'operator' | 'dispatcher' | 'supervisor' | 'visitor' | 'chengguanHandler' | 'zhujianHandler' | 'waterHandler' | 'renminluHandler';
type Step = [Who, TicketAction, Record<string, unknown>];

interface DemoTicket {
  key: string;
  /** Hotline tickets are keyed in by the operator; the rest come from the demo citizen. */
  hotline?: { callerPhone: string; callerName: string };
  type: 'consultation' | 'help' | 'complaint' | 'report' | 'suggestion';
  content: string;
  address: string;
  confidential?: boolean;
  contact?: { name: string; phone: string };
  steps: (units: DemoOrg['units'], profile: RegulationProfile) => Step[];
}

const accept: Step = ['operator', 'accept', {}];
const dispatchTo = (unit: string, coUnits: string[] = []): Step => ['dispatcher', 'dispatch', { leadUnit: unit, ...(coUnits.length ? { coUnits } : {}), note: '请按时限办理并答复诉求人' }];

const DEMO_TICKETS: readonly DemoTicket[] = [
  { key: 'lamp', type: 'complaint', content: '四龙路与北京路交叉口的三盏路灯坏了一个星期，晚上路口很黑，行人和电动车容易出事。', address: '白银区四龙路与北京路交叉口', steps: () => [] },
  { key: 'water', hotline: { callerPhone: '13909431234', callerName: '马女士' }, type: 'help', content: '人民路社区12号楼从昨天开始停水，家里有老人，请尽快恢复供水。', address: '白银区人民路社区12号楼', steps: () => [accept] },
  { key: 'stall', type: 'complaint', content: '工农路农贸市场门口每天早上占道经营，三轮车堵住人行道和半条车道。', address: '白银区工农路农贸市场', steps: (u) => [accept, dispatchTo(u.chengguan)] },
  {
    key: 'leak',
    type: 'help',
    content: '金鱼公园社区3号楼楼道水管漏水，墙面已经发霉，物业说不归他们管。',
    address: '白银区金鱼公园社区3号楼',
    steps: (u) => [accept, dispatchTo(u.zhujian, [u.water]), ['zhujianHandler', 'sign', {}], ['waterHandler', 'co-result', { result: '已排查，非市政供水管网问题，属楼内管道' }]],
  },
  {
    key: 'grease',
    type: 'report',
    confidential: true,
    contact: { name: '王建国', phone: '13893001234' },
    content: '人民路一家饭店每天夜里往雨水井里倒泔水和废油，井口周围又脏又臭。我是附近住户，请为我保密。',
    address: '白银区人民路',
    steps: (u) => [accept, dispatchTo(u.chengguan), ['chengguanHandler', 'sign', {}]],
  },
  {
    key: 'noise',
    type: 'complaint',
    content: '长征街道一家KTV每晚营业到凌晨两点，音响声音很大，附近居民无法休息。',
    address: '平川区长征街道',
    steps: (u) => [accept, dispatchTo(u.chengguan), ['chengguanHandler', 'sign', {}], ['chengguanHandler', 'reply', { result: '已会同公安部门现场检查，责令该KTV夜间22点后降低音量并加装隔音设施，将持续巡查。' }]],
  },
  {
    key: 'pothole',
    type: 'help',
    content: '人民路社区门口的路面有一个大坑，下雨天积水，已经有人摔倒。',
    address: '白银区人民路社区门口',
    steps: (u) => [accept, dispatchTo(u.renminluStreet), ['renminluHandler', 'sign', {}], ['renminluHandler', 'reply', { result: '已联系市政养护单位，坑槽已填补平整。' }], ['operator', 'review', { approve: true }]],
  },
  {
    key: 'gas',
    type: 'complaint',
    content: '小区燃气管道改造后一直没有恢复路面，施工围挡占了一半车道。',
    address: '白银区四龙社区',
    steps: (u) => [
      accept,
      dispatchTo(u.zhujian),
      ['zhujianHandler', 'sign', {}],
      ['zhujianHandler', 'reply', { result: '已督促施工单位恢复路面并拆除围挡。' }],
      ['operator', 'review', { approve: true }],
      ['citizen', 'rate', { satisfaction: 'satisfied', comment: '路面已经恢复，谢谢！' }],
    ],
  },
  { key: 'residence', type: 'consultation', content: '请问外地户口在白银办理居住证需要带哪些材料？', address: '白银区', steps: () => [['operator', 'answer', { answer: '携带本人身份证、照片和居住证明（租房合同或房产证），到居住地派出所户籍窗口办理，当场受理。' }]] },
  { key: 'dispute', type: 'complaint', content: '我和邻居因为院墙位置发生纠纷，信访局已经受理了，想再反映一下。', address: '平川区', steps: (_u, p) => [['operator', 'reject', { reasonCode: petitionOr(p), note: '该事项信访部门已受理，请等待信访处理结果。' }]] },
];

/** A petition already with the 信访 office (002 §17(4), 003 §4(3), 000 §10); Heze's part 2 lists only 001 §13(4)-(6): 其他依法不予受理. */
const petitionOr = (p: RegulationProfile): string => (p.rejectReasons.value.includes('petition') ? 'petition' : 'other-unlawful');

async function staffActor(deps: TicketDeps, id: string): Promise<StaffActor> {
  const s = await getStaff(deps.db, id);
  return { kind: 'staff', id: s._id, roles: s.roles, name: s.name, ...(s.unit ? { unit: s.unit } : {}) };
}

async function createOne(deps: TicketDeps, demo: DemoTicket, citizen: CitizenActor, operator: StaffActor): Promise<string> {
  const location = { address: demo.address };
  const base = { type: demo.type, content: demo.content, attachments: [], location, idempotencyKey: `demo-${demo.key}`, ...(demo.confidential ? { confidential: true } : {}) };
  // Through the same schemas as the HTTP routes, so demo data is valid data.
  if (demo.hotline) return (await keyInTicket(deps, operator, operatorCreateTicketSchema.parse({ ...base, channel: 'hotline', ...demo.hotline }))).ticket.no;
  return (await submitTicket(deps, citizen, createTicketSchema.parse({ ...base, ...(demo.contact ? { contact: demo.contact } : {}) }))).ticket.no;
}

/** Seeds the demo tickets once, on an organisation the demo seed just created. */
export async function seedDemoTickets(deps: TicketDeps, org: DemoOrg): Promise<number> {
  if (await ticketModel(deps.db).exists({})) return 0;
  const citizenDoc = await findOrCreateCitizen(deps, `dev_${DEMO_CITIZEN_CODE}`);
  const citizen: CitizenActor = { kind: 'citizen', id: citizenDoc._id };
  const actors = new Map<Who, CitizenActor | StaffActor>([['citizen', citizen]]);
  for (const who of ['operator', 'dispatcher', 'supervisor', 'visitor', 'chengguanHandler', 'zhujianHandler', 'waterHandler', 'renminluHandler'] as const) {
    actors.set(who, await staffActor(deps, org.staff[who]));
  }
  for (const demo of DEMO_TICKETS) {
    const no = await createOne(deps, demo, citizen, actors.get('operator') as StaffActor);
    for (const [who, action, input] of demo.steps(org.units, deps.profile)) await performAction(deps, actors.get(who) as CitizenActor | StaffActor, { no, action, input });
  }
  deps.logger.info({ tickets: DEMO_TICKETS.length, citizenLoginCode: DEMO_CITIZEN_CODE }, 'demo tickets seeded');
  return DEMO_TICKETS.length;
}
