import type { Messages } from '@kangyun/kernel';

export const ASSESSMENT_MESSAGES: Messages = {
  'assessments.version_mismatch': { zh: '答卷对应的量表版本不符，应为 {expected}', en: 'The response names another version of the scale; expected {expected}' },
  'assessments.unknown_item': { zh: '量表中没有这一题', en: 'The scale has no such item' },
  'assessments.unknown_option': { zh: '“{item}”：所选答案不是该题的选项', en: '"{item}": the answer is not one of the item\'s options' },
  'assessments.integer_expected': { zh: '“{item}”：请填写整数', en: '"{item}": a whole number is expected' },
  'assessments.number_expected': { zh: '“{item}”：请填写数字', en: '"{item}": a number is expected' },
  'assessments.boolean_expected': { zh: '“{item}”：请选择是或否', en: '"{item}": yes or no is expected' },
  'assessments.out_of_range': { zh: '“{item}”：应在 {min}–{max} 之间', en: '"{item}": must be between {min} and {max}' },
  'assessments.one_answer': { zh: '“{item}”：只能有一个答案', en: '"{item}": only one answer is allowed' },
  'assessments.patient_unknown': { zh: '患者不存在或不在您的数据范围内', en: 'The patient does not exist or is outside your data scope' },
  'assessments.item_required': { zh: '“{item}”：必答', en: '"{item}": is required' },
};
