import type { Messages } from '@kangyun/kernel';

export const PATIENT_MESSAGES: Messages = {
  'patients.id_format': { zh: '身份证号应为 18 位，前 17 位是数字，最后一位是数字或 X', en: 'A resident ID number has 18 characters: 17 digits and a final digit or X' },
  'patients.id_checksum': { zh: '身份证号校验位不正确，请核对是否输错', en: 'The check character of the resident ID number is wrong; please check for typos' },
  'patients.id_birth_date': { zh: '身份证号中的出生日期无效', en: 'The birth date inside the resident ID number is not a valid date' },
  'patients.birth_mismatch': { zh: '出生日期与身份证号不一致（身份证号为 {expected}）', en: 'The birth date does not match the resident ID number ({expected})' },
  'patients.sex_mismatch': { zh: '性别与身份证号不一致（身份证号为{expected}）', en: 'The sex does not match the resident ID number ({expected})' },
  'patients.birth_future': { zh: '出生日期不能晚于今天', en: 'The birth date cannot be in the future' },
  'patients.birth_too_early': { zh: '出生日期不能早于 1900 年', en: 'The birth date cannot be before 1900' },
  'patients.mobile_invalid': { zh: '手机号应为 11 位数字，以 1 开头', en: 'A mobile number has 11 digits and starts with 1' },
  'patients.name_invalid': { zh: '姓名不能包含数字或特殊符号', en: 'The name cannot contain digits or symbols' },
  'patients.document_required': { zh: '请填写证件号码', en: 'Enter the document number' },
  'patients.duplicate': { zh: '该患者可能已经登记过，请核对下面的患者', en: 'This patient may already be registered; please check the patients below' },
  'patients.merge_same': { zh: '不能把患者合并到自己', en: 'A patient cannot be merged into itself' },
  'patients.merge_inactive': { zh: '已合并的患者不能再次合并', en: 'A merged patient cannot be merged again' },
  'patients.version_conflict': { zh: '患者信息已被他人修改，请刷新后再试', en: 'The patient was changed by someone else; reload and try again' },
  'sex.male': { zh: '男', en: 'male' },
  'sex.female': { zh: '女', en: 'female' },
};

export const PATIENT_FIELD_LABELS: Messages = {
  'field.idNumber': { zh: '证件号码', en: 'document number' },
  'field.idType': { zh: '证件类型', en: 'document type' },
  'field.birthDate': { zh: '出生日期', en: 'birth date' },
  'field.sex': { zh: '性别', en: 'sex' },
  'field.address': { zh: '地址', en: 'address' },
  'field.contacts': { zh: '联系人', en: 'contacts' },
  'field.relationship': { zh: '关系', en: 'relationship' },
  'field.phone': { zh: '电话', en: 'phone' },
  'field.reason': { zh: '原因', en: 'reason' },
  'field.version': { zh: '版本号', en: 'version' },
};
