import type { RegulationProfileInput } from './schema';
import { cite, finalOnly, hoursDefault, platform, wdDefault } from './sources';

const LEFT_TO_PLATFORM = '000 §10 承办单位应当在「平台规定的期限」内答复/反馈';

/** 白银市民情直通平台诉求办理条例 (seed 000): most time limits are the platform's to set. */
export const baiyin: RegulationProfileInput = {
  name: 'baiyin',
  label: '白银市民情直通平台（码上反映·马上办理）',
  regulation: '000 白银市民情直通平台诉求办理条例（2024）',
  clockStart: cite('dispatch', '000 §10', '承办单位接到转办件后在规定期限内反馈'),
  acceptanceNotice: wdDefault(1, '000 §10 要求告知受理情况，未规定期限'),
  dispatch: { unit: 'workingDays', value: 0, cite: '000 §10', note: '受理当日转交' },
  signFor: wdDefault(1, '000 §11 承办单位接到转交后及时办理；平台按1个工作日内签收监测'),
  byType: {
    consultation: finalOnly(wdDefault(5, LEFT_TO_PLATFORM)),
    help: finalOnly(wdDefault(15, LEFT_TO_PLATFORM)),
    complaint: finalOnly(wdDefault(15, LEFT_TO_PLATFORM)),
    report: finalOnly(wdDefault(15, LEFT_TO_PLATFORM)),
    suggestion: finalOnly(wdDefault(15, LEFT_TO_PLATFORM)),
  },
  byClass: null,
  byChannel: {},
  supplement: wdDefault(5),
  returnWindow: wdDefault(2, '000 §12 要求「及时」申请退回，未规定期限'),
  coResultLead: wdDefault(1, '000 §18 配合单位将办理结果提交承办单位'),
  extension: {
    maxRequests: platform(2),
    countsRejected: platform(false),
    maxWorkingDaysPerRequest: platform(10),
    maxTotalWorkingDays: platform(20),
    maxTotalMonths: platform(null),
    minLeadWorkingDays: platform(0),
    allowedClasses: platform(null),
    refusedAfterDeadline: platform(true),
    requiresApproval: platform(true),
    notifyCitizen: cite(true, '000 §15'),
    progressReportEveryDays: platform(null),
  },
  followUp: wdDefault(2, '000 §17 要求回访，未规定期限'),
  deemedSatisfied: null,
  emergencyTransfer: platform(true, '紧急事项转接110/119/120/122等专线并发出风险预警（000 §20）'),
  instantAnswer: cite(true, '000 §10'),
  rejectReasons: cite(['legal-procedure', 'law-enforcement-discipline', 'petition'], '000 §10', '应当进入复议、仲裁、诉讼、纪检监察、信访等程序的，告知诉求人依法定程序处理'),
  terminationReasons: cite(['unlawful-demand', 'no-cooperation'], '000 §19'),
  metrics: cite(['response', 'resolution', 'satisfaction'], '000 §28'),
  ranking: null,
  interviewGrounds: cite(['ineffective-work', 'concentrated-requests'], '000 §26', '市人民政府对工作不力、诉求反映集中的县（区）人民政府或者市人民政府有关工作部门，可以约谈主要负责人，要求限期整改'),
  warningBefore: hoursDefault(24),
  superviseMissedSteps: cite(['sign'], '000 §23(1)', '属于职责范围但拒不及时受理承办的，平台应当督办'),
  consultationKinds: cite(['joint-meeting', 'escalation'], '000 §11(3), §13', '情况复杂的由平台召集联席会议明确承办单位；疑难复杂或职责边界不清的提交本级人民政府或上级单位'),
  leadReferral: platform({ bodies: ['discipline-inspection'], approvalRequired: false }, '条例未规定线索移交；推诿、弄虚作假等问题线索按惯例移交纪检监察机关'),
};
