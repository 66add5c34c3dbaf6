import type { RegulationProfileInput } from './schema';
import { cite, finalOnly, hoursDefault, platform, wd, wdDefault } from './sources';

const staged = { stageReply: wd(5, '002 §19(2)'), final: wd(15, '002 §19(2)'), plan: null };

/** 辽宁省群众诉求办理规定（草案） (seed 002). */
export const liaoning: RegulationProfileInput = {
  name: 'liaoning',
  label: '辽宁省12345热线平台',
  regulation: '002 辽宁省群众诉求办理规定（草案，2021）',
  clockStart: cite('dispatch', '002 §19', '派发工单后承办单位按类型时限反馈'),
  acceptanceNotice: wd(2, '002 §18'),
  dispatch: wd(1, '002 §19'),
  byType: {
    consultation: finalOnly(wd(5, '002 §19(1)')),
    help: staged,
    complaint: staged,
    report: staged,
    suggestion: staged,
  },
  byClass: null,
  byChannel: {},
  supplement: wdDefault(5, '002 §18 「在规定期限内补正」'),
  returnWindow: wd(2, '002 §21'),
  coResultLead: wdDefault(1),
  extension: {
    maxRequests: cite(2, '002 §19(4)'),
    countsRejected: cite(true, '002 §19(4)', '同一诉求事项延期申请不超过2次'),
    maxWorkingDaysPerRequest: platform(null),
    maxTotalWorkingDays: platform(null),
    maxTotalMonths: cite(2, '002 §19(4)'),
    minLeadWorkingDays: platform(0),
    allowedClasses: platform(null),
    refusedAfterDeadline: platform(true),
    requiresApproval: cite(true, '002 §19(4)'),
    notifyCitizen: platform(true),
    progressReportEveryDays: cite(7, '002 §19(4)', '每周报告进展情况'),
  },
  followUp: wdDefault(2, '002 §19 要求回访，未规定期限'),
  deemedSatisfied: null,
  instantAnswer: cite(true, '002 §18'),
  rejectReasons: cite(
    [
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
      'other-unlawful',
      'emergency-hotline',
    ],
    '002 §17, §18',
  ),
  terminationReasons: cite(
    ['resolved', 'litigation', 'citizen-withdrew', 'supplement-overdue', 'unverifiable', 'authorities-involved', 'unlawful-demand', 'no-cooperation', 'other-by-law'],
    '002 §25',
  ),
  metrics: cite(['connection', 'instant-transfer', 'on-time', 'closure', 'follow-up', 'satisfaction', 'average-days'], '002 §27'),
  ranking: null,
  warningBefore: hoursDefault(24),
};
