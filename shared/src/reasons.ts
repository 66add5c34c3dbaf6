/**
 * Coded reasons the regulations name: why a request is not accepted, why handling ends early,
 * how and why the platform supervises, what is measured. Each code carries the articles that
 * cite it; the regulation profiles list which codes they allow.
 */

export interface CodedReason {
  label: string;
  cites: readonly string[];
}

/** 不予受理 reasons: union over 002 §17, 003 §4, 004 §6, 000 §10 (last paragraph), 001 §13. */
export const REJECT_REASON_CODES = [
  'civil-dispute',
  'legal-procedure',
  'law-enforcement-discipline',
  'petition',
  'information-disclosure',
  'not-specific',
  'abusive',
  'duplicate',
  'industry-body',
  'military',
  'missing-evidence',
  'secrets-privacy',
  'public-order',
  'legislature-judiciary',
  'internal-administration',
  'emergency-hotline',
  'other-unlawful',
] as const;
export type RejectReasonCode = (typeof REJECT_REASON_CODES)[number];

export const REJECT_REASONS: Record<RejectReasonCode, CodedReason> = {
  'civil-dispute': { label: '属于个人之间、市场主体之间的民商事纠纷', cites: ['002 §17(1)'] },
  'legal-procedure': {
    label: '已经或依法应当通过诉讼、仲裁、行政复议等法定途径解决',
    cites: ['002 §17(2)', '003 §4(1)', '004 §6(3)', '000 §10'],
  },
  'law-enforcement-discipline': {
    label: '已经或必须由执法机关、纪检监察机关处理',
    cites: ['002 §17(3)', '004 §6(3)', '000 §10'],
  },
  petition: { label: '信访部门已受理或已有结论性意见的信访事项', cites: ['002 §17(4)', '003 §4(3)', '004 §6(3)', '000 §10'] },
  'information-disclosure': { label: '须通过政府信息公开程序解决', cites: ['002 §17(5)', '004 §6(3)'] },
  'not-specific': { label: '反映内容不具体，没有明确对象和具体事实理由，确实无法办理', cites: ['002 §17(6)', '003 §4(5)'] },
  abusive: { label: '无理纠缠、人身攻击、侮辱谩骂', cites: ['002 §17(6)'] },
  duplicate: { label: '正在办理或已依法办结，且无新情况、新理由的重复诉求', cites: ['002 §17(7)'] },
  'industry-body': { label: '依法应由或已由特定行业部门处理', cites: ['002 §17(8)'] },
  military: { label: '涉及军队、武警管辖事项', cites: ['002 §17(9)', '003 §4(2)', '004 §6(2)'] },
  'missing-evidence': { label: '必要证据材料不全且无正当理由不予提供', cites: ['002 §17(10)'] },
  'secrets-privacy': { label: '涉及国家秘密、商业秘密、个人隐私', cites: ['002 §17(11)', '004 §6(4)', '001 §13(4)'] },
  'public-order': { label: '违反法律法规或社会公序良俗', cites: ['002 §17(11)', '004 §6(4)', '001 §13(5)'] },
  'legislature-judiciary': { label: '属于人大、政协、法院、检察院职权范围', cites: ['003 §4(2)', '004 §6(2)'] },
  'internal-administration': { label: '属于内部行政管理、公文交流等事项', cites: ['003 §4(4)'] },
  'emergency-hotline': { label: '属于110、119、120、122等紧急热线处理的紧急事项，已转接', cites: ['004 §6(1)', '002 §18'] },
  'other-unlawful': { label: '法律法规规章规定不予受理的其他情形', cites: ['002 §17(12)', '004 §6(5)', '001 §13(6)'] },
};

/** 终止办理 / 视为办结 reasons: 000 §19, 001 §15(5)(6), the nine cases of 002 §25. */
export const TERMINATION_REASON_CODES = [
  'resolved',
  'litigation',
  'citizen-withdrew',
  'supplement-overdue',
  'unverifiable',
  'authorities-involved',
  'unlawful-demand',
  'no-cooperation',
  'other-by-law',
  'duplicate-merged',
  'emergency-transferred',
] as const;
export type TerminationReasonCode = (typeof TERMINATION_REASON_CODES)[number];

export const TERMINATION_REASONS: Record<TerminationReasonCode, CodedReason> = {
  resolved: { label: '诉求已解决、诉求人认可办理结果或已达成和解并执行', cites: ['002 §25(1)'] },
  litigation: { label: '办理期间诉求人提起诉讼、申请行政复议或仲裁', cites: ['002 §25(2)'] },
  'citizen-withdrew': { label: '诉求人自行提出终止办理或书面撤回', cites: ['002 §25(3)'] },
  'supplement-overdue': { label: '诉求人超出约定期限无正当理由未补充材料', cites: ['002 §25(4)'] },
  unverifiable: { label: '诉求事项与事实不符或者无法核实', cites: ['002 §25(5)'] },
  'authorities-involved': { label: '公安、检察机关或纪检监察机关已依法介入调查', cites: ['002 §25(6)'] },
  'unlawful-demand': {
    label: '诉求不符合法律法规政策或违反公序良俗，已向诉求人解释说明',
    cites: ['000 §19', '001 §15(6)', '002 §25(7)'],
  },
  'no-cooperation': {
    label: '诉求人无正当理由拒不配合或拒绝提供信息，导致无法办理',
    cites: ['000 §19', '001 §15(5)', '002 §25(8)'],
  },
  'other-by-law': { label: '法律、法规规定的其他情形', cites: ['002 §25(9)'] },
  /** Only the `merge` action uses it: the matter goes on under the ticket it was merged into. */
  'duplicate-merged': { label: '与正在办理的同一诉求重复，已合并办理', cites: ['002 §17(7)', '000 §23(5)'] },
  /** Only the `transfer-emergency` action uses it: the emergency went to the special line (not a rejection). */
  'emergency-transferred': { label: '紧急事项，已转接相应专线或通报应急、消防、卫生、公安等部门', cites: ['002 §18'] },
};

/** Special lines and departments an emergency is handed to (002 §18 「及时转接相应专线或通报应急、消防、卫生、公安等部门」). */
/** Why a unit applies to pass a request on (004 §9): 超出本单位本辖区事权范围, or 存在应当回避情形. */
export const RETURN_GROUNDS = ['outside-authority', 'recusal'] as const;
export type ReturnGrounds = (typeof RETURN_GROUNDS)[number];
export const RETURN_GROUND_LABELS: Record<ReturnGrounds, string> = {
  'outside-authority': '超出本单位本辖区事权范围',
  recusal: '存在应当回避情形',
};

export const EMERGENCY_LINES = ['110', '119', '120', '122', 'emergency-management'] as const;
export type EmergencyLine = (typeof EMERGENCY_LINES)[number];
export const EMERGENCY_LINE_LABELS: Record<EmergencyLine, string> = {
  '110': '110 公安',
  '119': '119 消防',
  '120': '120 急救',
  '122': '122 交通事故',
  'emergency-management': '应急管理部门',
};

/** 督办 means (000 §22) plus escalation to 政务督查 (000 §24). */
export const SUPERVISION_MEANS = ['reminder', 'written-feedback', 'meeting', 'on-site', 'inspection'] as const;
export type SupervisionMeans = (typeof SUPERVISION_MEANS)[number];

export const SUPERVISION_MEANS_INFO: Record<SupervisionMeans, CodedReason> = {
  reminder: { label: '系统催办', cites: ['000 §22(1)'] },
  'written-feedback': { label: '限期书面反馈', cites: ['000 §22(2)'] },
  meeting: { label: '会议协商', cites: ['000 §22(3)', '001 §22'] },
  'on-site': { label: '现场办理', cites: ['000 §22(4)', '001 §22'] },
  inspection: { label: '提交政务督查', cites: ['000 §24', '003 §24'] },
};
export const SUPERVISION_MEANS_LABELS: Record<SupervisionMeans, string> = mapLabels(SUPERVISION_MEANS_INFO);

/** Situations that call for supervision (000 §23, 001 §22, 002 §23, 004 §13). */
export const SUPERVISION_TRIGGERS = [
  'refused-acceptance',
  'overdue',
  'false-or-delayed',
  'improper-handling',
  'repeated-by-citizen',
  'many-citizens',
  'bad-rating',
  'repeated-returns',
  'cannot-close',
  'shirking',
  'knowledge-stale',
  'negative-impact',
  'missed-step',
  'manual',
] as const;
export type SupervisionTrigger = (typeof SUPERVISION_TRIGGERS)[number];

export const SUPERVISION_TRIGGER_INFO: Record<SupervisionTrigger, CodedReason> = {
  'refused-acceptance': { label: '属于职责范围但拒不受理', cites: ['000 §23(1)', '001 §22(1)', '004 §13(1)'] },
  overdue: { label: '超出办理时限未办结', cites: ['000 §23(2)', '001 §22(2)', '002 §23(2)', '004 §13(2)'] },
  'false-or-delayed': { label: '谎报、瞒报或久拖不决', cites: ['000 §23(3)'] },
  'improper-handling': { label: '事实不清、处理不当或办理结果存在较大错漏', cites: ['002 §23(1)', '004 §13(5)'] },
  'repeated-by-citizen': { label: '诉求人多次反映未解决', cites: ['000 §23(4)', '001 §22(3)'] },
  'many-citizens': { label: '多个诉求人集中反映同一类诉求未解决', cites: ['000 §23(5)', '001 §22(3)'] },
  'bad-rating': { label: '诉求合理但因办理不到位被评价为不满意', cites: ['004 §13(4)', '002 §29'] },
  'repeated-returns': { label: '无正当理由反复退件', cites: ['002 §23(3)'] },
  'cannot-close': { label: '无正当理由不能办结', cites: ['002 §23(4)'] },
  shirking: { label: '办理过程中推诿扯皮、敷衍塞责', cites: ['004 §13(3)'] },
  'knowledge-stale': { label: '知识库更新不及时或不符合要求', cites: ['001 §22(4)'] },
  'negative-impact': { label: '办理不力造成负面影响', cites: ['001 §22(5)'] },
  'missed-step': { label: '未在规定时限内完成办理环节（受理告知、派单、阶段答复、办理计划、进度报告、协办反馈等）', cites: ['000 §23(3)', '002 §23(2)'] },
  manual: { label: '其他需要督办的事项', cites: ['000 §23(6)', '001 §22(6)'] },
};
export const SUPERVISION_TRIGGER_LABELS: Record<SupervisionTrigger, string> = mapLabels(SUPERVISION_TRIGGER_INFO);

/** Assessment metrics (000 §28, 002 §27). */
export const METRICS = [
  'response',
  'resolution',
  'satisfaction',
  'connection',
  'instant-transfer',
  'on-time',
  'closure',
  'follow-up',
  'average-days',
] as const;
export type Metric = (typeof METRICS)[number];

export const METRIC_LABELS: Record<Metric, string> = {
  response: '响应率',
  resolution: '解决率',
  satisfaction: '满意率',
  connection: '接通率',
  'instant-transfer': '即时转办率',
  'on-time': '按时反馈率',
  closure: '办结率',
  'follow-up': '回访率',
  'average-days': '平均办理天数',
};

export const REJECT_REASON_LABELS: Record<RejectReasonCode, string> = mapLabels(REJECT_REASONS);
export const TERMINATION_REASON_LABELS: Record<TerminationReasonCode, string> = mapLabels(TERMINATION_REASONS);

function mapLabels<K extends string>(info: Record<K, CodedReason>): Record<K, string> {
  const out = {} as Record<K, string>;
  for (const key of Object.keys(info) as K[]) out[key] = info[key].label;
  return out;
}
