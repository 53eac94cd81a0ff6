import type { Messages } from '@kangyun/kernel';

/** Messages of the patient portal sign-in (registered when its routes are). */
export const PORTAL_MESSAGES: Messages = {
  // one message for every mismatch: it must not tell a guesser which of the three was wrong
  'patients.portal.signin_failed': {
    zh: '身份验证未通过：请核对姓名、证件号码和手机号是否与就诊登记时一致',
    en: 'We could not verify you: check that the name, document number and mobile match what you registered with',
  },
  'patients.portal.throttled': {
    zh: '验证失败次数过多，请 {minutes} 分钟后再试，或到医院窗口办理',
    en: 'Too many failed attempts; try again in {minutes} minutes or ask at the hospital desk',
  },
  'patients.portal.institution_unknown': { zh: '请选择一家医疗机构', en: 'Choose a healthcare institution' },
  'patients.portal.mobile_required': { zh: '请填写手机号', en: 'Enter your mobile number' },
  'field.institutionId': { zh: '医疗机构', en: 'institution' },
};
