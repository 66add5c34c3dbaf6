import type { RegulationProfileInput } from './schema';
import { cite, finalOnly, hoursDefault, platform, wd, wdDefault } from './sources';

const nonConsultation = finalOnly(wd(15, '004 §11'));

/** 重庆市"互联网+督查"平台政务咨询投诉管理暂行办法 (seed 004): limits run from submission. */
export const chongqing: RegulationProfileInput = {
  name: 'chongqing',
  label: '重庆市“互联网+督查”平台',
  regulation: '004 重庆市“互联网+督查”平台政务咨询投诉管理暂行办法（2021）',
  clockStart: cite('submission', '004 §11', '反映人提交事项后起算'),
  acceptanceNotice: wdDefault(2, '004 未规定告知受理期限；004 §8 的2个工作日是社区向街道提出申请的期限（bottomUp）'),
  dispatch: wdDefault(1),
  signFor: wdDefault(1, '平台按1个工作日内签收监测'),
  byType: {
    consultation: finalOnly(wd(5, '004 §11')),
    help: nonConsultation,
    complaint: nonConsultation,
    report: nonConsultation,
    suggestion: nonConsultation,
  },
  byClass: null,
  byChannel: {},
  supplement: wdDefault(5),
  returnWindow: wd(2, '004 §8, §9'),
  coResultLead: wd(1, '004 §11'),
  extension: {
    maxRequests: platform(null),
    countsRejected: platform(false),
    maxWorkingDaysPerRequest: platform(null),
    maxTotalWorkingDays: cite(10, '004 §11'),
    maxTotalMonths: platform(null),
    minLeadWorkingDays: cite(1, '004 §11'),
    allowedClasses: platform(null),
    refusedAfterDeadline: cite(true, '004 §11'),
    requiresApproval: cite(true, '004 §11'),
    notifyCitizen: cite(true, '004 §11'),
    progressReportEveryDays: platform(null),
  },
  followUp: wdDefault(2, '004 §12 办结后评价，未规定回访期限'),
  deemedSatisfied: null,
  emergencyTransfer: platform(true, '紧急事项转接110/119/120/122等专线并发出风险预警（000 §20）'),
  instantAnswer: platform(true),
  rejectReasons: cite(
    ['emergency-hotline', 'legislature-judiciary', 'military', 'legal-procedure', 'law-enforcement-discipline', 'information-disclosure', 'petition', 'secrets-privacy', 'public-order', 'other-unlawful'],
    '004 §6',
  ),
  terminationReasons: platform(['unlawful-demand', 'no-cooperation'], '004 §10 对反映不实或不符合规定的做好解释'),
  metrics: cite(['on-time', 'satisfaction', 'closure'], '004 §12, §18'),
  ranking: null,
  assignedDeadline: cite(true, '004 §11', '交办时另有时限要求的按要求时限办理；“12345热线”等其他渠道转入的按来源渠道有关时限要求办理'),
  warningBefore: hoursDefault(24),
  superviseMissedSteps: cite(['sign', 'co-result'], '004 §13(1), §13(2)', '无正当理由不予受理办理的、未按规定时间和要求反馈办理结果的，重点督办'),
  bottomUp: cite(
    { reviewLevels: ['street', 'district'], closureReviewLevels: ['community'], reviewWithin: wdDefault(1, '004 §8、§9 要求上级单位“及时”审核、分办，未规定期限') },
    '004 §7, §8, §9',
    '自下而上流转：社区向街道、街道向区县指挥中心、区县向市指挥中心提出转请处理申请；社区的办结申请由街道审核',
  ),
  sourceRatedChannels: cite(['hotline', 'transfer'], '004 §12', '“12345热线”等其他渠道转入事项，按照事项来源渠道管理单位要求开展满意度评价'),
  leadReferral: cite({ bodies: ['government-inspection'], approvalRequired: false }, '004 §17', '督查问题线索由市政府督查办直接派员核查或交有关单位核查办理'),
};
