import type { RegulationProfileInput } from './schema';
import { cite, finalOnly, hours, hoursDefault, platform, wd, wdDefault } from './sources';

const classB = finalOnly(wd(5, '003 §8'));

/** 平顶山市民呼必应工作规则 (seed 003): classes A–D decide the time limit. */
export const pingdingshan: RegulationProfileInput = {
  name: 'pingdingshan',
  label: '平顶山市民呼必应',
  regulation: '003 平顶山市民呼必应工作规则（2022）',
  clockStart: cite('dispatch', '003 §8', '网络单位接到交办后计时'),
  acceptanceNotice: wdDefault(1),
  dispatch: wdDefault(1, '003 §10 交办，未规定期限'),
  signFor: hoursDefault(24, '003 §11 查收后24小时内可申请退回；平台按派单后24小时内查收监测'),
  byType: {
    consultation: finalOnly(hours(4, '003 §8')),
    help: classB,
    complaint: classB,
    report: classB,
    suggestion: classB,
  },
  byClass: {
    A: finalOnly(hours(4, '003 §8')),
    B: classB,
    C: { plan: wd(5, '003 §8'), final: null, stageReply: null },
    D: finalOnly(hoursDefault(2, '003 §8 「第一时间」快速处置；平台按 2 小时监测')),
  },
  classOverChannel: cite(['A', 'D'], '003 §8', 'A类即办4小时、D类第一时间处置，不因来自信箱或留言板而延至10个工作日'),
  byChannel: {
    'leader-board': finalOnly(wd(10, '003 §14')),
    mailbox: finalOnly(wd(10, '003 §14')),
  },
  supplement: wdDefault(5),
  returnWindow: hours(24, '003 §11'),
  coResultLead: wdDefault(1, '003 §10 其他单位配合办理'),
  extension: {
    maxRequests: cite(1, '003 §9'),
    countsRejected: cite(false, '003 §9', '同一事项原则上只能延期1次'),
    maxWorkingDaysPerRequest: platform(null),
    maxTotalWorkingDays: platform(null),
    maxTotalMonths: platform(null),
    minLeadWorkingDays: cite(0, '003 §9', '办理时限到期前申请'),
    allowedClasses: cite(['B', 'C'], '003 §9'),
    refusedAfterDeadline: cite(true, '003 §9'),
    requiresApproval: cite(true, '003 §9'),
    notifyCitizen: cite(true, '003 §9'),
    progressReportEveryDays: platform(null),
  },
  followUp: wd(2, '003 §16'),
  deemedSatisfied: { unansweredAttempts: 2, minGapHours: 3, cite: '003 §17' },
  emergencyTransfer: platform(true, '紧急事项转接110/119/120/122等专线并发出风险预警（000 §20）'),
  instantAnswer: cite(true, '003 §8'),
  rejectReasons: cite(['legal-procedure', 'legislature-judiciary', 'military', 'petition', 'internal-administration', 'not-specific'], '003 §4'),
  terminationReasons: platform(['unlawful-demand', 'no-cooperation']),
  metrics: platform(['response', 'resolution', 'satisfaction', 'on-time'], '003 §26 实时量化统计考核，未列指标'),
  ranking: [
    { group: 'county', label: '县（市）组', members: { levels: ['district'], kinds: ['government'], nameSuffixes: ['县', '市'] }, lastN: 1, ratioOfTop: 0.85, cite: '003 §28(4)', note: '县（市）组排名最后且低于本组最高分85%' },
    { group: 'district', label: '区组', members: { levels: ['district'], kinds: ['government'], nameSuffixes: ['区'] }, lastN: 1, ratioOfTop: 0.85, cite: '003 §28(4)', note: '区组排名最后且低于本组最高分85%' },
    { group: 'department', label: '市直单位和驻平单位组', members: { levels: ['province', 'city'], kinds: ['department', 'utility', 'organisation'] }, lastN: 2, ratioOfTop: 0.8, cite: '003 §28(4)', note: '市直单位和驻平单位组排名最后2名且低于本组最高分80%' },
    { group: 'street', label: '各区乡镇（街道）组', members: { levels: ['street'] }, lastN: 2, ratioOfTop: 0.8, cite: '003 §28(4)', note: '各区乡镇（街道）组排名最后2名且低于本组最高分80%' },
  ],
  interviewGrounds: cite(['handling-conduct', 'lead-duty', 'co-unit', 'ranking', 'repeated'], '003 §28'),
  interviewEscalations: [
    { step: 'leader-interview', label: '市政府秘书长会同市纪委监委、市委组织部约谈主要领导', consecutive: 2, cumulative: 3, withinMonths: 12, cite: '003 §28(5)', note: '一年内连续2次或累计3次被约谈；连续指相邻月份，一年指截至当月的12个月' },
    { step: 'public-statement', label: '主要领导公开表态发言并取消评先资格', consecutive: 3, cumulative: 5, withinMonths: 12, cite: '003 §29(2)', note: '一年内连续3次或累计5次被约谈' },
  ],
  warningBefore: hoursDefault(24),
  superviseMissedSteps: platform(['plan'], '003 §8 C类5个工作日内报办理计划，否则无办理时限、不会超期；平台对未报计划的督办'),
  returnLeaderApproval: cite(true, '003 §11', '退回的诉求事项须由本单位分管领导审核批准'),
  returnWindowFrom: cite('sign', '003 §11', '在查收后24小时内退回'),
  consultationKinds: cite(['co-unit-disagreement', 'joint-meeting'], '003 §12', '协同办理意见不能达成一致时，由市指挥中心协调处理'),
  leadReferral: cite({ bodies: ['discipline-inspection', 'organization', 'political-legal'], approvalRequired: true }, '003 §25', '经市政府办公室分管领导同意后，及时移交'),
  thirdPartyEvaluation: cite(true, '003 §18', '经市指挥中心协调仍未能达成一致的，引入第三方评估机制'),
};
