import { fieldError, type FieldError } from '../errors.js';
import { registerMessages } from '../i18n.js';

export interface PasswordPolicy {
  passwordMinLength: number;
  passwordMinClasses: number;
  passwordHistory: number;
  passwordMaxAgeDays: number;
  lockoutThreshold: number;
  lockoutMinutes: number;
  idleTimeoutMinutes: number;
  sessionMaxHours: number;
}

export function characterClasses(password: string): number {
  return [/[a-z]/, /[A-Z]/, /\d/, /[^A-Za-z\d]/].filter((re) => re.test(password)).length;
}

/** 等保三级 password complexity: length, character classes, not containing the username. */
export function checkPasswordStrength(password: string, policy: PasswordPolicy, username: string, field = 'newPassword'): FieldError | null {
  if (password.length < policy.passwordMinLength) {
    return fieldError(field, 'password_too_short', 'password.too_short', { min: policy.passwordMinLength });
  }
  if (characterClasses(password) < policy.passwordMinClasses) {
    return fieldError(field, 'password_too_simple', 'password.too_simple', { classes: policy.passwordMinClasses });
  }
  if (username && password.toLowerCase().includes(username.toLowerCase())) {
    return fieldError(field, 'password_contains_username', 'password.contains_username');
  }
  return null;
}

registerMessages({
  'password.too_short': { zh: '密码长度至少 {min} 位', en: 'The password must be at least {min} characters long' },
  'password.too_simple': {
    zh: '密码须包含大写字母、小写字母、数字、特殊字符中的至少 {classes} 类',
    en: 'The password must contain at least {classes} of: upper-case letters, lower-case letters, digits, symbols',
  },
  'password.contains_username': { zh: '密码不能包含用户名', en: 'The password must not contain the username' },
  'password.reused': { zh: '不能使用最近用过的密码', en: 'You cannot reuse a recent password' },
  'password.wrong_current': { zh: '当前密码不正确', en: 'The current password is incorrect' },
});
