import { NOTIFY_TEMPLATES, type NotifyTemplate } from './transition-types';
import { WATCHED_STEPS, WATCHED_STEP_INFO, type WatchedStep } from './watched-steps';

/**
 * What a staff notice (the staff inbox, GET /api/admin/v1/notices) is about: a ticket event for a
 * unit or the platform (the state machine's `notify` effects), a risk warning (000 §20), or
 * something the sweeper saw — a deadline coming up or passed, a visit overdue, an intermediate
 * step missed (`<step>-missed`, watched-steps.ts).
 */
export type MissedStepKind = `${WatchedStep}-missed`;
export const MISSED_STEP_KINDS = WATCHED_STEPS.map((s) => `${s}-missed` as MissedStepKind);

export const STAFF_NOTICE_KINDS = [...NOTIFY_TEMPLATES, 'risk-warning', 'due-soon', 'overdue', 'visit-overdue', ...MISSED_STEP_KINDS] as const;
export type StaffNoticeKind = NotifyTemplate | 'risk-warning' | 'due-soon' | 'overdue' | 'visit-overdue' | MissedStepKind;

export const STAFF_NOTICE_LEVELS = ['info', 'warning', 'urgent'] as const;
export type StaffNoticeLevel = (typeof STAFF_NOTICE_LEVELS)[number];

const EVENT_LABELS: Record<NotifyTemplate, string> = {
  received: '新诉求',
  accepted: '已受理',
  rejected: '不予受理',
  'supplement-requested': '已要求补正',
  supplemented: '诉求人已补正材料，待受理',
  answered: '已即时答复',
  dispatched: '新派单，请签收办理',
  'return-requested': '承办单位申请退回，待审核',
  'return-approved': '退回申请已同意',
  'return-refused': '退回申请未同意，请继续办理',
  returned: '已重新派单',
  replied: '承办单位已答复，待审核',
  'review-rejected': '答复审核未通过，请重新办理',
  'rate-invited': '待评价',
  rated: '诉求人已评价',
  'rated-unsatisfied': '诉求人不满意，待决定是否重办',
  closed: '已办结',
  reopened: '重办：请重新办理',
  terminated: '已终止办理',
  withdrawn: '诉求人已撤回',
  'extension-requested': '承办单位申请延期，待审批',
  'extension-decided': '延期申请已审批',
  'deadline-set': '指挥中心已确定办理时限',
  'stage-report': '承办单位报送阶段性答复或办理计划',
  'co-result': '协办单位已反馈办理结果',
  supervised: '督办：请限期反馈',
  'termination-requested': '承办单位申请终止办理，待审核',
  'termination-refused': '终止办理申请未同意，请继续办理',
  'business-replied': '涉企营商环境诉求已答复，待营商环境建设主管部门审定',
  'business-ended': '涉企营商环境诉求已终止（视为办结），通报营商环境建设主管部门',
};

export const STAFF_NOTICE_LABELS: Record<StaffNoticeKind, string> = {
  ...EVENT_LABELS,
  'risk-warning': '风险预警：紧急事项须第一时间处置',
  'due-soon': '即将到期',
  overdue: '已超期',
  'visit-overdue': '回访已逾期',
  ...(Object.fromEntries(WATCHED_STEPS.map((s) => [`${s}-missed`, `${WATCHED_STEP_INFO[s].label}已逾期`])) as Record<MissedStepKind, string>),
};
