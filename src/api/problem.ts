import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { DomainError, type ErrorCode, type FieldProblem } from '../platform/errors.ts';

const STATUS: Record<ErrorCode, number> = {
  invalid: 400, unauthenticated: 401, forbidden: 403, not_found: 404, conflict: 409,
  payload_too_large: 413, too_many_requests: 429, unavailable: 503,
};

const TITLES: Record<number, string> = {
  400: 'Invalid request', 401: 'Not signed in', 403: 'Forbidden', 404: 'Not found', 409: 'Conflict',
  413: 'Request too large', 415: 'Unsupported media type', 429: 'Too many requests', 500: 'Internal error', 503: 'Unavailable',
};

/** An RFC 9457 problem document. */
export interface Problem {
  type: string;
  title: string;
  status: number;
  detail: string;
  instance?: string;
  requestId?: string;
  errors?: FieldProblem[];
  [extra: string]: unknown;
}

interface ValidationIssue { instancePath?: string; message?: string; params?: Record<string, unknown>; keyword?: string }

/** Field problems from a schema validation failure, naming each offending field. */
function validationProblems(error: FastifyError): FieldProblem[] {
  const context = (error as { validationContext?: string }).validationContext ?? 'body';
  const problems = ((error.validation ?? []) as ValidationIssue[]).map((v) => {
    const base = (v.instancePath ?? '').replace(/^\//, '').replace(/\//g, '.');
    const extra = v.params?.additionalProperties ?? v.params?.requiredProperties ?? v.params?.missingProperty ?? v.params?.additionalProperty;
    const names = Array.isArray(extra) ? extra.map(String) : extra !== undefined ? [String(extra)] : [];
    const field = [context, base].filter(Boolean).join('.');
    if (names.length && (v.keyword === 'additionalProperties' || /additional/i.test(v.message ?? ''))) {
      return { field: `${field}.${names.join(',')}`, message: `unknown field${names.length > 1 ? 's' : ''} ${names.map((n) => `"${n}"`).join(', ')}` };
    }
    if (names.length && (v.keyword === 'required' || /required/i.test(v.message ?? ''))) {
      return { field: `${field}.${names.join(',')}`, message: `missing required field${names.length > 1 ? 's' : ''} ${names.map((n) => `"${n}"`).join(', ')}` };
    }
    if (v.message === 'schema is false') return { field, message: 'unknown field' };
    return { field, message: v.message ?? 'is not valid' };
  });
  // TypeBox may report one unknown field twice (as a false schema and as an extra property).
  const seen = new Set<string>();
  return problems.filter((pr) => {
    const key = pr.message.startsWith('unknown field') ? `${pr.field}|unknown` : `${pr.field}|${pr.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

export function problemFor(error: unknown, request: FastifyRequest): Problem {
  const base = { instance: request.url, requestId: String(request.id) };
  if (error instanceof DomainError) {
    const status = STATUS[error.code];
    const { fields, ...rest } = error.details;
    return { type: `https://vigil.example/problems/${error.code}`, title: TITLES[status] ?? error.code, status, detail: error.message, ...base, ...(fields?.length ? { errors: fields } : {}), ...rest };
  }
  const fe = error as FastifyError;
  if (fe.validation) {
    const errors = validationProblems(fe);
    const detail = errors.length ? `${errors.map((e) => `${e.field}: ${e.message}`).join('; ')}` : 'The request does not match the expected form.';
    return { type: 'https://vigil.example/problems/invalid', title: TITLES[400], status: 400, detail, errors, ...base };
  }
  const status = fe.statusCode && fe.statusCode >= 400 && fe.statusCode < 500 ? fe.statusCode : 500;
  if (status === 500) return { type: 'about:blank', title: TITLES[500], status, detail: 'Something went wrong on the server; nothing was changed. Quote the request id when you report it.', ...base };
  let detail = fe.message;
  if (fe.code === 'FST_ERR_CTP_BODY_TOO_LARGE') detail = `The request body is larger than the ${request.server.initialConfig.bodyLimit} bytes allowed.`;
  if (fe.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE') detail = 'Send JSON (Content-Type: application/json) or the format this endpoint documents.';
  if (fe instanceof SyntaxError || fe.code === 'FST_ERR_CTP_INVALID_JSON_BODY' || /JSON/.test(fe.message)) detail = `The body is not valid JSON: ${fe.message}`;
  return { type: `https://vigil.example/problems/http-${status}`, title: TITLES[status] ?? 'Error', status, detail, ...base };
}

export function sendProblem(reply: FastifyReply, problem: Problem): FastifyReply {
  return reply.status(problem.status).type('application/problem+json').send(problem);
}
