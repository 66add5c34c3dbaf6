import type { RegulationProfileInput } from './schema';
import { cite, finalOnly, hoursDefault, platform, wdDefault } from './sources';

const LEFT_TO_PLATFORM = '001 §15(2) 「按照规定时限」办理，时限由热线工作机构规定';

/**
 * 菏泽市12345政务服务便民热线条例 (seed 001 holds part 2 of 3: §13(4) to §28). Time limits are
 * set by the hotline office, so they are platform defaults here.
 */
export const heze: RegulationProfileInput = {
  name: 'heze',
  label: '菏泽市12345政务服务便民热线',
  regulation: '001 菏泽市12345政务服务便民热线条例（第2部分）',
  clockStart: platform('dispatch'),
  acceptanceNotice: wdDefault(1),
  dispatch: wdDefault(1),
  signFor: wdDefault(1, '平台按1个工作日内签收监测'),
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
  returnWindow: wdDefault(2, '001 §14 按规定提供材料申请退回，未规定期限'),
  coResultLead: wdDefault(1, '001 §16 在规定期限内将办理结果提交至承办单位'),
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
    notifyCitizen: cite(true, '001 §15(3)'),
    progressReportEveryDays: platform(null),
  },
  followUp: wdDefault(2, '001 §17 要求回访，未规定期限'),
  deemedSatisfied: null,
  emergencyTransfer: platform(true, '紧急事项转接110/119/120/122等专线并发出风险预警（000 §20）'),
  instantAnswer: cite(true, '001 §18'),
  rejectReasons: cite(['secrets-privacy', 'public-order', 'other-unlawful'], '001 §13', '§13(1)–(3) are in part 1, which the seed does not contain'),
  terminationReasons: cite(['unlawful-demand', 'no-cooperation'], '001 §15(5), §15(6)'),
  metrics: platform(['response', 'resolution', 'satisfaction', 'on-time'], '001 §24 考核办法由政府制定'),
  ranking: null,
  warningBefore: hoursDefault(24),
  superviseMissedSteps: cite(['sign'], '001 §22(1)', '对法定职责内的热线事项拒不接收的，开展督办'),
  consultationKinds: cite(['duty-dispute', 'joint-meeting'], '001 §16, §25', '涉及两个以上单位并存在职责争议的，组织相关部门会商确定承办单位；持续时间长、解决难度大的诉求事项建立会商交流机制'),
  unitTerminationRequest: cite(true, '001 §15(5), §15(6)', '承办单位向市热线工作机构提供相关材料并经审核后终止办理'),
  leadReferral: cite({ bodies: ['discipline-inspection'], approvalRequired: false }, '001 §23', '按程序将相关问题线索移交同级纪检监察机关'),
};
