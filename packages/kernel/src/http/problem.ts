import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import localizeEn from 'ajv-i18n/localize/en/index.js';
import localizeZh from 'ajv-i18n/localize/zh/index.js';
import { AppError } from '../errors.js';
import { langFromHeader, registerMessages, t, type Lang } from '../i18n.js';

type Localize = (errors: AjvErrorLike[]) => void;
// CommonJS modules: the function is the module itself (or its default), whichever the loader hands us
const pick = (m: unknown): Localize => ((m as { default?: Localize }).default ?? m) as Localize;
const zhMessages = pick(localizeZh);
const enMessages = pick(localizeEn);

interface AjvErrorLike {
  keyword: string;
  instancePath: string;
  params: Record<string, unknown>;
  message?: string;
}

export interface Problem {
  type: string;
  title: string;
  status: number;
  code: string;
  detail?: string;
  instance?: string;
  errors?: { field: string; code: string; message: string }[];
  [extra: string]: unknown;
}

const KEYWORD_MESSAGES: Record<string, { zh: string; en: string }> = {
  required: { zh: '必填', en: 'is required' },
  minLength: { zh: '至少 {limit} 个字符', en: 'must be at least {limit} characters' },
  maxLength: { zh: '不能超过 {limit} 个字符', en: 'must be at most {limit} characters' },
  minimum: { zh: '不能小于 {limit}', en: 'must be at least {limit}' },
  maximum: { zh: '不能大于 {limit}', en: 'must be at most {limit}' },
  pattern: { zh: '格式不正确', en: 'has the wrong format' },
  format: { zh: '格式不正确（应为 {format}）', en: 'must be a valid {format}' },
  type: { zh: '类型不正确（应为 {type}）', en: 'must be of type {type}' },
  minItems: { zh: '至少需要 {limit} 项', en: 'needs at least {limit} items' },
  maxItems: { zh: '最多 {limit} 项', en: 'allows at most {limit} items' },
  enum: { zh: '取值不在允许范围内', en: 'is not an allowed value' },
  const: { zh: '取值不在允许范围内', en: 'is not an allowed value' },
  anyOf: { zh: '取值不在允许范围内', en: 'is not an allowed value' },
};

/** a field's name for people: modules register `field.<name>` messages; otherwise the name itself */
function fieldLabel(field: string, lang: Lang): string {
  const last = field.split('.').filter((x) => !/^\d+$/.test(x)).pop() ?? field;
  const label = t(`field.${last}`, lang);
  return label === `field.${last}` ? field : label;
}

function fieldMessage(e: AjvErrorLike, lang: Lang): string {
  const own = KEYWORD_MESSAGES[e.keyword];
  if (!own) return e.message ?? e.keyword;
  return own[lang].replace(/\{(\w+)\}/g, (_, k: string) => String(e.params[k] ?? ''));
}

/** Schema validation failures name each field and say what is wrong with it, in the caller's language. */
function validationProblem(errors: AjvErrorLike[], lang: Lang, context?: string): Problem {
  const copy = errors.map((e) => ({ ...e }));
  (lang === 'zh' ? zhMessages : enMessages)(copy);
  const fields = copy.map((e) => {
    const path = e.instancePath.replace(/^\//, '').replace(/\//g, '.');
    const missing = e.keyword === 'required' ? String(e.params.missingProperty) : '';
    const field = [path, missing].filter(Boolean).join('.') || (context ?? 'body');
    return { field, code: e.keyword, message: `${fieldLabel(field, lang)}${lang === 'zh' ? '：' : ' '}${fieldMessage(e, lang)}` };
  });
  // a union reports one error per branch; the caller needs one line per field
  const byField = new Map<string, (typeof fields)[number]>();
  for (const f of fields) {
    const seen = byField.get(f.field);
    if (!seen || f.code === 'anyOf') byField.set(f.field, f);
  }
  return {
    type: 'about:blank',
    title: t('error.validation_failed', lang),
    status: 422,
    code: 'validation_failed',
    errors: [...byField.values()],
  };
}

export function toProblem(err: unknown, lang: Lang): Problem {
  if (err instanceof AppError) {
    const l = err.localized(lang);
    // extra members never replace the standard ones (an extra `status` must not change the HTTP status)
    return {
      ...err.extra, type: 'about:blank', title: l.title, status: err.status, code: err.code,
      ...(l.errors.length ? { errors: l.errors } : {}),
    };
  }
  const fe = err as FastifyError & { validation?: AjvErrorLike[]; validationContext?: string };
  if (fe.validation) return validationProblem(fe.validation, lang, fe.validationContext);
  if (fe.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE') return { type: 'about:blank', title: t('error.unsupported_media_type', lang), status: 415, code: 'unsupported_media_type' };
  if (fe.code === 'FST_ERR_CTP_EMPTY_JSON_BODY' || fe.code === 'FST_ERR_CTP_INVALID_JSON_BODY' || (fe instanceof SyntaxError && fe.statusCode === 400)) {
    return { type: 'about:blank', title: t('error.bad_json', lang), status: 400, code: 'bad_json' };
  }
  if (fe.statusCode && fe.statusCode >= 400 && fe.statusCode < 500) {
    return { type: 'about:blank', title: fe.message, status: fe.statusCode, code: String(fe.code ?? 'bad_request').toLowerCase() };
  }
  return { type: 'about:blank', title: t('error.internal', lang), status: 500, code: 'internal_error' };
}

export function sendProblem(request: FastifyRequest, reply: FastifyReply, err: unknown): FastifyReply {
  const lang = request.ctx?.request.lang ?? langFromHeader(request.headers['accept-language']);
  const problem = toProblem(err, lang);
  if (problem.status >= 500) request.log.error({ err }, 'request failed');
  return reply.code(problem.status).type('application/problem+json').header('content-language', lang === 'zh' ? 'zh-CN' : 'en').send(problem);
}

registerMessages({
  'field.username': { zh: '用户名', en: 'username' },
  'field.password': { zh: '密码', en: 'password' },
  'field.newPassword': { zh: '新密码', en: 'new password' },
  'field.currentPassword': { zh: '当前密码', en: 'current password' },
  'field.page': { zh: '页码', en: 'page' },
  'field.pageSize': { zh: '每页条数', en: 'page size' },
  'field.name': { zh: '姓名', en: 'name' },
  'field.displayName': { zh: '姓名', en: 'name' },
  'field.mobile': { zh: '手机号', en: 'mobile' },
  'field.code': { zh: '编码', en: 'code' },
});
