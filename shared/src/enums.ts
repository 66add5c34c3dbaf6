/**
 * Enumerations of the domain with their Chinese labels. Every list is a `const` array so the
 * type, the runtime check (zod `z.enum(LIST)`) and the label map all come from one place.
 */

/** Request types (000 §10, 002 §3). */
export const TICKET_TYPES = ['consultation', 'help', 'complaint', 'report', 'suggestion'] as const;
export type TicketType = (typeof TICKET_TYPES)[number];

export const TYPE_LABELS: Record<TicketType, string> = {
  consultation: '咨询',
  help: '求助',
  complaint: '投诉',
  report: '举报',
  suggestion: '建议',
};

/** One line per type shown under the type picker of the submit form. */
export const TYPE_HINTS: Record<TicketType, string> = {
  consultation: '询问政策、办事流程等，能即时答复的会马上答复',
  help: '遇到困难需要政府部门或公共服务单位帮忙解决',
  complaint: '对单位或个人侵害您权益、服务不到位等情况提出投诉',
  report: '举报违法违规行为，举报人信息一律保密',
  suggestion: '对政府工作、城市管理和公共服务提出意见建议',
};

export const TICKET_STATUSES = [
  'submitted',
  'supplementing',
  'accepted',
  'dispatched',
  'handling',
  'returning',
  'replied',
  'visiting',
  'closed',
  'rejected',
  'terminated',
  'withdrawn',
] as const;
export type TicketStatus = (typeof TICKET_STATUSES)[number];

export const STATUS_LABELS: Record<TicketStatus, string> = {
  submitted: '已提交',
  supplementing: '待补充材料',
  accepted: '已受理',
  dispatched: '已转交承办单位',
  handling: '办理中',
  returning: '退回审核中',
  replied: '承办单位已答复',
  visiting: '待评价',
  closed: '已办结',
  rejected: '不予受理',
  terminated: '已终止办理',
  withdrawn: '已撤回',
};

export const TERMINAL_STATUSES = ['closed', 'rejected', 'terminated', 'withdrawn'] as const satisfies readonly TicketStatus[];
export type TerminalStatus = (typeof TERMINAL_STATUSES)[number];
export const OPEN_STATUSES = TICKET_STATUSES.filter(
  (s): s is Exclude<TicketStatus, TerminalStatus> => !(TERMINAL_STATUSES as readonly string[]).includes(s),
);
export type OpenStatus = Exclude<TicketStatus, TerminalStatus>;

export function isTerminal(status: TicketStatus): status is TerminalStatus {
  return (TERMINAL_STATUSES as readonly string[]).includes(status);
}

export const TICKET_ACTIONS = [
  'submit',
  'accept',
  'reject',
  'request-supplement',
  'supplement',
  'answer',
  'dispatch',
  'sign',
  'request-return',
  'decide-return',
  'reply',
  'review',
  'rate',
  'visit',
  'decide-reopen',
  'terminate',
  'withdraw',
  'request-extension',
  'decide-extension',
  'set-deadline',
  'stage-report',
  'co-result',
  'supervise',
  'merge',
  'close-visit',
  'transfer-emergency',
  'consult',
  'refer-lead',
  'third-party-evaluation',
  'request-termination',
  'decide-termination',
  'business-review',
] as const;
export type TicketAction = (typeof TICKET_ACTIONS)[number];

/** Plain Chinese for the citizen's timeline: what happened, not who pressed which button. */
export const ACTION_LABELS: Record<TicketAction, string> = {
  submit: '已提交诉求',
  accept: '已受理',
  reject: '不予受理',
  'request-supplement': '请您补充材料',
  supplement: '已补充材料',
  answer: '已答复',
  dispatch: '已转交承办单位办理',
  sign: '承办单位已签收',
  'request-return': '承办单位申请退回',
  'decide-return': '已审核退回申请',
  reply: '承办单位已答复',
  review: '平台已审核答复',
  rate: '已评价',
  visit: '已回访',
  'decide-reopen': '已处理不满意评价',
  terminate: '已终止办理',
  withdraw: '已撤回',
  'request-extension': '承办单位申请延期',
  'decide-extension': '已审核延期申请',
  'set-deadline': '已确定办理时限',
  'stage-report': '承办单位报告办理进展',
  'co-result': '协办单位已反馈',
  supervise: '已督办',
  merge: '与相同诉求合并办理',
  'close-visit': '未获评价，经平台决定办结',
  'transfer-emergency': '紧急事项已转接专线处置',
  consult: '已会商',
  'refer-lead': '已移交问题线索',
  'third-party-evaluation': '已进行第三方评估',
  'request-termination': '承办单位申请终止办理',
  'decide-termination': '已审核终止办理申请',
  'business-review': '营商环境建设主管部门已审定',
};

/** Who files a request (002 §3): a natural person, or a legal person or other organisation (法人和非法人组织, 002 §19 涉企). */
export const CLAIMANT_KINDS = ['person', 'organisation'] as const;
export type ClaimantKind = (typeof CLAIMANT_KINDS)[number];

/** Intake channels (000 §3, 003 §3, 004 §5). */
export const CHANNELS = ['miniapp', 'hotline', 'leader-board', 'mailbox', 'web', 'transfer'] as const;
export type Channel = (typeof CHANNELS)[number];

export const CHANNEL_LABELS: Record<Channel, string> = {
  miniapp: '码上反映小程序',
  hotline: '12345热线',
  'leader-board': '领导留言板',
  mailbox: '市长信箱',
  web: '政府网站',
  transfer: '上级转办',
};

/** 一事一评 (002 §28). */
export const SATISFACTION_LEVELS = ['satisfied', 'basic', 'unsatisfied'] as const;
export type Satisfaction = (typeof SATISFACTION_LEVELS)[number];

export const SATISFACTION_LABELS: Record<Satisfaction, string> = {
  satisfied: '满意',
  basic: '基本满意',
  unsatisfied: '不满意',
};

/** Pingdingshan classification (003 §8). */
export const TICKET_CLASSES = ['A', 'B', 'C', 'D'] as const;
export type TicketClass = (typeof TICKET_CLASSES)[number];

export const CLASS_LABELS: Record<TicketClass, string> = {
  A: 'A类 即办事项',
  B: 'B类 一般事项',
  C: 'C类 重要事项',
  D: 'D类 重要紧急事项',
};

/** Units of the organisation tree (003 §5, 004 §4, 002 §2). */
export const UNIT_LEVELS = ['province', 'city', 'district', 'street', 'community'] as const;
export type UnitLevel = (typeof UNIT_LEVELS)[number];
export const UNIT_LEVEL_LABELS: Record<UnitLevel, string> = {
  province: '省级',
  city: '市级',
  district: '县（区）级',
  street: '乡镇（街道）',
  community: '村（社区）',
};

export const UNIT_KINDS = ['government', 'department', 'street-office', 'community', 'utility', 'organisation'] as const;
export type UnitKind = (typeof UNIT_KINDS)[number];
export const UNIT_KIND_LABELS: Record<UnitKind, string> = {
  government: '人民政府',
  department: '工作部门',
  'street-office': '乡镇政府（街道办事处）',
  community: '村（居）民委员会',
  utility: '公共服务企事业单位',
  organisation: '人民团体及其他组织',
};
