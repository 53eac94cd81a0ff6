import { t, type Lang, registerMessages } from './i18n.js';

export interface FieldError {
  field: string;
  code: string;
  /** message key in the catalogue, or literal text when `literal` */
  messageKey: string;
  params?: Record<string, unknown>;
}

/**
 * An error meant for the caller. Rendered as application/problem+json on /api and as
 * OperationOutcome on /fhir, always in the caller's language.
 */
export class AppError extends Error {
  constructor(
    public readonly status: number,
    public readonly code: string,
    public readonly messageKey: string,
    public readonly params: Record<string, unknown> = {},
    public readonly fieldErrors: FieldError[] = [],
    public readonly extra: Record<string, unknown> = {},
  ) {
    super(messageKey);
    this.name = 'AppError';
  }

  localized(lang: Lang) {
    return {
      title: t(this.messageKey, lang, this.params),
      errors: this.fieldErrors.map((e) => ({ field: e.field, code: e.code, message: t(e.messageKey, lang, e.params) })),
    };
  }
}

export const badRequest = (code: string, key: string, params?: Record<string, unknown>) => new AppError(400, code, key, params);
export const unauthorized = (code = 'unauthenticated', key = 'error.unauthenticated') => new AppError(401, code, key);
export const forbidden = (key = 'error.forbidden', params?: Record<string, unknown>) => new AppError(403, 'forbidden', key, params);
export const notFound = (key = 'error.not_found', params?: Record<string, unknown>) => new AppError(404, 'not_found', key, params);
export const conflict = (code: string, key: string, extra: Record<string, unknown> = {}) => new AppError(409, code, key, extra, [], extra);
export const invalid = (errors: FieldError[]) => new AppError(422, 'validation_failed', 'error.validation_failed', {}, errors);
export const fieldError = (field: string, code: string, messageKey: string, params?: Record<string, unknown>): FieldError => ({ field, code, messageKey, params });

registerMessages({
  'error.unauthenticated': { zh: '请先登录', en: 'Please sign in' },
  'error.session_expired': { zh: '登录已超时，请重新登录', en: 'Your session has expired; please sign in again' },
  'error.forbidden': { zh: '没有执行此操作的权限', en: 'You do not have permission to do this' },
  'error.forbidden_permission': { zh: '没有执行此操作的权限（需要：{permission}）', en: 'You do not have permission to do this (requires {permission})' },
  'error.not_found': { zh: '未找到请求的资源', en: 'The requested resource was not found' },
  'error.validation_failed': { zh: '提交的数据有误，请检查标出的字段', en: 'Some fields are invalid; please check them' },
  'error.internal': { zh: '服务器内部错误，请稍后再试或联系信息科', en: 'Internal server error; please try again later or contact IT' },
  'error.bad_json': { zh: '请求内容不是有效的 JSON', en: 'The request body is not valid JSON' },
  'error.unsupported_media_type': { zh: '不支持的请求内容类型', en: 'Unsupported content type' },
  'error.password_change_required': { zh: '请先修改初始密码', en: 'You must change your initial password first' },
  'error.version_conflict': { zh: '数据已被他人修改，请刷新后再试', en: 'The record was changed by someone else; reload and try again' },
  'error.rate_limited': { zh: '请求过于频繁，请稍后再试', en: 'Too many requests; please try again later' },
});

registerMessages({
  'error.invalid_token': { zh: '访问令牌无效或已过期', en: 'The access token is invalid or has expired' },
  'error.portal_signin_required': { zh: '请先验证身份（姓名、证件号、手机号）', en: 'Please verify who you are first (name, document number, mobile)' },
});
