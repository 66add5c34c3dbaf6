/** Staff-facing wording of the workbench (verbs for buttons); the domain labels come from @mashang/shared. */
import { ACTION_LABELS, STAFF_ROLES, type StaffRole, type TicketAction } from '@mashang/shared';

/** The button of each action, as staff say it (an action without one shows its timeline label). */
const VERBS: Partial<Record<TicketAction, string>> = {
  submit: '登记',
  accept: '受理',
  reject: '不予受理',
  'request-supplement': '请补充材料',
  supplement: '补充材料',
  answer: '直接答复',
  dispatch: '派单',
  sign: '签收',
  'request-return': '申请退回',
  'decide-return': '审核退回',
  reply: '答复',
  review: '审核答复',
  rate: '评价',
  visit: '回访',
  'decide-reopen': '处理不满意',
  terminate: '终止办理',
  withdraw: '撤回',
  'request-extension': '申请延期',
  'decide-extension': '审核延期',
  'set-deadline': '确定时限',
  'stage-report': '阶段报告',
  'co-result': '协办反馈',
  supervise: '督办',
  merge: '合并',
  'close-visit': '回访办结',
};

export const actionVerb = (a: TicketAction): string => VERBS[a] ?? ACTION_LABELS[a];

/** Actions that change nothing but the record: shown after the ones that move the ticket on. */
export const SECONDARY_ACTIONS: readonly TicketAction[] = ['terminate', 'merge', 'supervise', 'set-deadline', 'stage-report', 'request-extension', 'request-return', 'close-visit'];

export const PAGE_ROLES = {
  desk: ['operator', 'admin'],
  stats: ['supervisor', 'admin', 'operator', 'handler'],
  reports: ['supervisor', 'admin', 'operator'],
  organisation: ['admin'],
  catalog: ['admin'],
  cases: ['operator', 'supervisor', 'admin'],
  knowledgeEditors: ['admin', 'operator', 'handler'],
  knowledge: ['admin', 'operator', 'handler', 'supervisor'],
  hotspots: ['supervisor', 'admin', 'operator', 'dispatcher', 'handler'],
  supervisions: ['supervisor', 'admin', 'operator', 'handler'],
  /** 排名与约谈: every staff member reads the published rankings and the interview register (the API's GETs). */
  accountability: STAFF_ROLES,
  /** …supervisors and admins publish a ranking and record an interview (the POSTs' roles). */
  accountabilityEditors: ['supervisor', 'admin'],
} as const satisfies Record<string, readonly StaffRole[]>;

/** The kinds of personal data the case redaction counts (`redacted` / `remaining` of a case). */
export const PERSONAL_DATA_LABELS: Record<string, string> = {
  'id-card': '身份证号',
  phone: '电话',
  email: '邮箱',
  plate: '车牌',
  name: '姓名',
  address: '门牌楼栋',
};

/** "电话 2、姓名 1" — counts by kind, or null when there are none. */
export function personalDataSummary(counts: Record<string, number> | undefined): string | null {
  const parts = Object.entries(counts ?? {})
    .filter(([, n]) => n > 0)
    .map(([k, n]) => `${PERSONAL_DATA_LABELS[k] ?? k} ${n}`);
  return parts.length ? parts.join('、') : null;
}
