import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import localizeEn from 'ajv-i18n/localize/en/index.js';
import localizeZh from 'ajv-i18n/localize/zh/index.js';
import { AppError } from '../errors.js';
import { langFromHeader, t, type Lang } from '../i18n.js';

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

/** Schema validation failures name each field and say what is wrong with it, in the caller's language. */
function validationProblem(errors: AjvErrorLike[], lang: Lang, context?: string): Problem {
  const copy = errors.map((e) => ({ ...e }));
  (lang === 'zh' ? zhMessages : enMessages)(copy);
  const fields = copy.map((e) => {
    const path = e.instancePath.replace(/^\//, '').replace(/\//g, '.');
    const missing = e.keyword === 'required' ? String(e.params.missingProperty) : '';
    const field = [path, missing].filter(Boolean).join('.') || (context ?? 'body');
    const label = `${field}`;
    return { field, code: e.keyword, message: lang === 'zh' ? `${label}：${e.message}` : `${label}: ${e.message}` };
  });
  return {
    type: 'about:blank',
    title: t('error.validation_failed', lang),
    status: 422,
    code: 'validation_failed',
    errors: fields,
  };
}

export function toProblem(err: unknown, lang: Lang): Problem {
  if (err instanceof AppError) {
    const l = err.localized(lang);
    return {
      type: 'about:blank', title: l.title, status: err.status, code: err.code,
      ...(l.errors.length ? { errors: l.errors } : {}), ...err.extra,
    };
  }
  const fe = err as FastifyError & { validation?: AjvErrorLike[]; validationContext?: string };
  if (fe.validation) return validationProblem(fe.validation, lang, fe.validationContext);
  if (fe.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE') return { type: 'about:blank', title: t('error.unsupported_media_type', lang), status: 415, code: 'unsupported_media_type' };
  if (fe.code === 'FST_ERR_CTP_EMPTY_JSON_BODY' || fe instanceof SyntaxError || fe.code === 'FST_ERR_CTP_INVALID_JSON_BODY') {
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
