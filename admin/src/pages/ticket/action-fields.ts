import {
  CLASS_LABELS,
  REJECT_REASON_LABELS,
  RETURN_GROUND_LABELS,
  SATISFACTION_LABELS,
  SUPERVISION_MEANS_LABELS,
  SUPERVISION_TRIGGER_LABELS,
  TERMINATION_REASON_LABELS,
  type TicketAction,
} from '@mashang/shared';

/** How a form field is entered; the values are checked by the action's shared schema, not here. */
export type FieldKind = 'text' | 'textarea' | 'select' | 'number' | 'yes-no' | 'unit' | 'units' | 'datetime' | 'photos';

export interface FieldSpec {
  name: string;
  label: string;
  kind: FieldKind;
  options?: Record<string, string>;
  placeholder?: string;
  /** Labels of the two choices of a yes-no field. */
  yesNo?: [string, string];
}

const options = (labels: Record<string, string>) => labels;
const note = (label = '说明'): FieldSpec => ({ name: 'note', label, kind: 'textarea' });

/** The form of each action a staff member may take (bodies: shared ACTION_INPUT_SCHEMAS). */
export const ACTION_FIELDS: Partial<Record<TicketAction, FieldSpec[]>> = {
  accept: [{ name: 'class', label: '分类', kind: 'select', options: options(CLASS_LABELS) }, note('受理意见')],
  reject: [{ name: 'reasonCode', label: '不予受理理由', kind: 'select', options: options(REJECT_REASON_LABELS) }, note('告知诉求人的说明')],
  'request-supplement': [note('需要补充的材料'), { name: 'workingDays', label: '补充期限（工作日）', kind: 'number', placeholder: '不填按规定期限' }],
  answer: [{ name: 'answer', label: '答复内容', kind: 'textarea' }],
  dispatch: [
    { name: 'leadUnit', label: '牵头（承办）单位', kind: 'unit' },
    { name: 'coUnits', label: '协办单位', kind: 'units' },
    { name: 'category', label: '事项分类编码', kind: 'text' },
    note('派单说明'),
  ],
  sign: [note('签收备注')],
  'request-return': [
    { name: 'reason', label: '退回（转请）理由 / 初步核查情况', kind: 'textarea' },
    { name: 'grounds', label: '情形', kind: 'select', options: options(RETURN_GROUND_LABELS) },
    { name: 'transferTo', label: '建议转给', kind: 'unit' },
    { name: 'outOfScope', label: '不予受理申请（不属于受理范围时选择理由）', kind: 'select', options: options(REJECT_REASON_LABELS) },
  ],
  'decide-return': [
    { name: 'approve', label: '审核结果', kind: 'yes-no', yesNo: ['同意', '不同意，继续办理'] },
    { name: 'transferTo', label: '转办 / 本级承办单位（上级单位审核时不填即转请上一级）', kind: 'unit' },
    { name: 'coUnits', label: '协办单位（随转办指定）', kind: 'units' },
    { name: 'rejectReason', label: '确认不予受理（不予受理申请）', kind: 'select', options: options(REJECT_REASON_LABELS) },
    note('审核意见（转请上一级时必填）'),
  ],
  reply: [
    { name: 'result', label: '办理结果（答复诉求人）', kind: 'textarea' },
    { name: 'attachments', label: '现场照片', kind: 'photos' },
  ],
  review: [{ name: 'approve', label: '审核结果', kind: 'yes-no', yesNo: ['通过，转回访/评价', '退回重办（上级单位审核办结申请时：由本单位承办）'] }, note('审核意见（退回时必填）')],
  visit: [
    { name: 'answered', label: '回访电话', kind: 'yes-no', yesNo: ['已接通', '未接通'] },
    { name: 'satisfaction', label: '诉求人评价', kind: 'select', options: options(SATISFACTION_LABELS) },
    note('回访记录'),
  ],
  'decide-reopen': [{ name: 'reopen', label: '处理结果', kind: 'yes-no', yesNo: ['重新办理', '不重新办理'] }, note('理由')],
  terminate: [{ name: 'reasonCode', label: '终止理由', kind: 'select', options: options(TERMINATION_REASON_LABELS) }, note('说明')],
  'request-extension': [
    { name: 'workingDays', label: '延期天数（工作日）', kind: 'number' },
    { name: 'reason', label: '延期理由', kind: 'textarea' },
  ],
  'decide-extension': [{ name: 'approve', label: '审核结果', kind: 'yes-no', yesNo: ['同意延期', '不同意'] }, note('审核意见')],
  'set-deadline': [{ name: 'dueAt', label: '办理期限', kind: 'datetime' }, note()],
  'stage-report': [
    { name: 'content', label: '办理进展', kind: 'textarea' },
    { name: 'nextDate', label: '下次报告时间', kind: 'datetime' },
  ],
  'co-result': [{ name: 'result', label: '协办意见', kind: 'textarea' }],
  supervise: [
    { name: 'means', label: '督办方式', kind: 'select', options: options(SUPERVISION_MEANS_LABELS) },
    { name: 'trigger', label: '督办情形', kind: 'select', options: options(SUPERVISION_TRIGGER_LABELS) },
    { name: 'dueAt', label: '限期', kind: 'datetime' },
    note('督办意见'),
  ],
  merge: [{ name: 'into', label: '合并到工单编号', kind: 'text', placeholder: '20261124-000123' }, note()],
  'close-visit': [note()],
};

export function fieldLabels(fields: FieldSpec[]): Record<string, string> {
  return Object.fromEntries(fields.map((f) => [f.name, f.label]));
}
