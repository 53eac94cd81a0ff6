import type { FastifyReply, FastifyRequest } from 'fastify';
import type { OperationOutcome, OperationOutcomeIssue } from '@medplum/fhirtypes';
import { AppError, FHIR_OUTCOME_EXTRA, langFromHeader, toProblem, type FhirOutcomeDetail, type Lang, type Problem } from '@kangyun/kernel';
import { FHIR_JSON } from './http.js';

type IssueCode = OperationOutcomeIssue['code'];

/** Kangyun error codes that have a more precise FHIR issue type than their HTTP status gives. */
const ISSUE_BY_CODE: Record<string, IssueCode> = {
  bad_json: 'structure',
  unsupported_media_type: 'not-supported',
  unknown_search_param: 'not-supported',
  unsupported_modifier: 'not-supported',
  unsupported_date_prefix: 'not-supported',
  interaction_not_supported: 'not-supported',
  password_change_required: 'security',
  invalid_token: 'login',
  session_expired: 'login',
  version_conflict: 'conflict',
  rate_limited: 'throttled',
  required: 'required',
  duplicate: 'duplicate',
  duplicate_patient: 'duplicate',
};

function issueCodeFor(status: number, code: string): IssueCode {
  if (ISSUE_BY_CODE[code]) return ISSUE_BY_CODE[code];
  if (status === 401) return 'login';
  if (status === 403) return 'forbidden';
  if (status === 404) return 'not-found';
  if (status === 405 || status === 415) return 'not-supported';
  if (status === 409 || status === 412) return 'conflict';
  if (status === 413) return 'too-costly';
  if (status === 429) return 'throttled';
  if (status >= 500) return 'exception';
  return status === 422 || status === 400 ? 'invalid' : 'processing';
}

/**
 * Only errors that say what the caller did wrong keep their 4xx status: our AppErrors, schema
 * validation, and Fastify's own request errors. Anything else a provider throws is a server
 * fault, even if it happens to carry a statusCode or is a SyntaxError (which the kernel's
 * problem mapping would otherwise answer with 400).
 */
function isCallerError(err: unknown): boolean {
  if (err instanceof AppError) return true;
  const e = err as { validation?: unknown; code?: unknown };
  return Boolean(e?.validation) || (typeof e?.code === 'string' && e.code.startsWith('FST_'));
}

/**
 * A field of a module's error is already a FHIRPath expression when it starts with a resource
 * type (`Patient.identifier[0].value`); a bare field name is taken to be an element of the
 * resource the request was about.
 */
function expressionFor(field: string, resourceType: string | undefined): string {
  // `http.<header>` names a request header, as OperationOutcome.issue.location does for HTTP errors
  if (/^[A-Z][A-Za-z]+(\.|\[|$)/.test(field) || field.startsWith('http.') || !resourceType) return field;
  return `${resourceType}.${field}`;
}

export function operationOutcome(err: unknown, lang: Lang, resourceType?: string): { status: number; outcome: OperationOutcome } {
  const problem: Problem = isCallerError(err) ? toProblem(err, lang) : toProblem(new Error('unexpected'), lang);
  const severity = problem.status >= 500 ? 'fatal' : 'error';
  const coding = [{ system: 'urn:kangyun:error', code: problem.code }];
  const issue: OperationOutcomeIssue[] = problem.errors?.length
    ? problem.errors.map((e) => ({
      severity, code: issueCodeFor(problem.status, e.code),
      details: { coding: [{ system: 'urn:kangyun:error', code: e.code }], text: e.message },
      diagnostics: e.message,
      expression: [expressionFor(e.field, resourceType)],
    }))
    : [{ severity, code: issueCodeFor(problem.status, problem.code), details: { coding, text: problem.title }, diagnostics: problem.title }];
  // what the module added for FHIR callers (e.g. the numbers still free after a 409), after the error itself
  const detail = problem[FHIR_OUTCOME_EXTRA] as FhirOutcomeDetail | undefined;
  const outcome: OperationOutcome = { resourceType: 'OperationOutcome', issue: [...issue, ...(detail?.issues ?? [])] };
  if (detail?.contained?.length) outcome.contained = detail.contained;
  return { status: problem.status, outcome };
}

export function sendOutcome(req: FastifyRequest, reply: FastifyReply, err: unknown): FastifyReply {
  const lang = req.ctx?.request.lang ?? langFromHeader(req.headers['accept-language']);
  const resourceType = (req.params as { type?: string } | undefined)?.type;
  const { status, outcome } = operationOutcome(err, lang, resourceType);
  if (status >= 500) req.log.error({ err }, 'FHIR request failed');
  if (status === 401) reply.header('www-authenticate', 'Bearer realm="kangyun"');
  return reply.code(status).type(FHIR_JSON).header('content-language', lang === 'zh' ? 'zh-CN' : 'en').send(outcome);
}
