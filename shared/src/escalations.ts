/**
 * What the platform does with cases a unit cannot settle alone (issue 12 item 8): 会商 and
 * escalation of hard cases, referral of leads to discipline bodies, third-party evaluation.
 * Each code carries the articles that name it; the profiles list which ones a city has.
 */
import type { CodedReason } from './reasons';

/** Kinds of a recorded consultation (会商) with the units involved. */
export const CONSULTATION_KINDS = ['joint-meeting', 'duty-dispute', 'co-unit-disagreement', 'escalation'] as const;
export type ConsultationKind = (typeof CONSULTATION_KINDS)[number];

export const CONSULTATION_KIND_INFO: Record<ConsultationKind, CodedReason> = {
  'joint-meeting': { label: '联席会议明确承办单位', cites: ['000 §11(3)'] },
  'duty-dispute': { label: '职责争议会商确定承办单位', cites: ['001 §16'] },
  'co-unit-disagreement': { label: '协办意见不一致，由指挥中心协调', cites: ['003 §12'] },
  escalation: { label: '疑难复杂事项提交本级人民政府或上级单位', cites: ['000 §13'] },
};

/** Bodies a lead (线索) goes to. */
export const REFERRAL_BODIES = ['discipline-inspection', 'organization', 'political-legal', 'government-inspection'] as const;
export type ReferralBody = (typeof REFERRAL_BODIES)[number];

export const REFERRAL_BODY_INFO: Record<ReferralBody, CodedReason> = {
  'discipline-inspection': { label: '纪检监察机关', cites: ['001 §23', '002 §7', '003 §25'] },
  organization: { label: '组织部门', cites: ['003 §25'] },
  'political-legal': { label: '政法机关', cites: ['002 §7', '003 §25'] },
  'government-inspection': { label: '市政府督查办', cites: ['004 §17'] },
};

/** What a third-party evaluation (003 §18) found about the result the citizen disputes. */
export const EVALUATION_FINDINGS = ['handled-properly', 'not-handled-properly', 'partly'] as const;
export type EvaluationFinding = (typeof EVALUATION_FINDINGS)[number];

export const EVALUATION_FINDING_LABELS: Record<EvaluationFinding, string> = {
  'handled-properly': '办理结果适当',
  'not-handled-properly': '办理结果不适当，应重新办理',
  partly: '部分适当',
};

/** Grounds of an interview (约谈) of a unit: the items of 003 §28, and 000 §26's 工作不力 / 诉求反映集中. */
export const INTERVIEW_GROUNDS = ['handling-conduct', 'lead-duty', 'co-unit', 'ranking', 'repeated', 'ineffective-work', 'concentrated-requests'] as const;
export type InterviewGround = (typeof INTERVIEW_GROUNDS)[number];
export const INTERVIEW_GROUND_LABELS: Record<InterviewGround, string> = {
  'handling-conduct': '推诿扯皮、拖延应付、态度蛮横或办理质量差引发群众不满（003 §28(1)）',
  'lead-duty': '牵头单位不履行职责、推卸责任或不及时协调处置（003 §28(2)）',
  'co-unit': '协办单位不接受牵头单位协调（003 §28(3)）',
  ranking: '月通报排名靠后且低于本组最高分的规定比例（003 §28(4)）',
  repeated: '一年内连续2次或累计3次被约谈（003 §28(5)）',
  'ineffective-work': '平台诉求受理、办理工作不力，约谈主要负责人限期整改（000 §26）',
  'concentrated-requests': '诉求反映集中，约谈主要负责人限期整改（000 §26）',
};
