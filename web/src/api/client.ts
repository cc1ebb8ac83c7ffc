/**
 * The web app's only door to Vigil: the public HTTP API under /api/v1, with the session cookie
 * and, for changes, the session's CSRF token in a header, exactly as any other client would.
 */

import type { ApiCatalogue } from './endpoints.ts';

export type { ApiCatalogue };

export interface FieldProblem { field: string; message: string }

/** An RFC 9457 problem document as the API sends it. */
export interface Problem {
  type?: string;
  title?: string;
  status: number;
  detail?: string;
  requestId?: string;
  errors?: FieldProblem[];
  [extra: string]: unknown;
}

export class ApiError extends Error {
  constructor(readonly problem: Problem) {
    super(problem.detail ?? problem.title ?? `HTTP ${problem.status}`);
    this.name = 'ApiError';
  }

  get status(): number { return this.problem.status; }

  /** Field problems with the transport prefixes (`body.`, `person.`…) taken off. */
  get fields(): FieldProblem[] {
    return (this.problem.errors ?? []).map((e) => ({ field: normaliseField(e.field), message: e.message }));
  }
}

const PREFIXES = /^(body|querystring|params)\./;

/** `body.person.names.0.value` → `names.0.value`; `envelope.tlp` stays. */
export function normaliseField(field: string): string {
  let f = field.replace(PREFIXES, '');
  for (const wrapper of ['person.', 'document.', 'notice.', 'content.', 'query.']) if (f.startsWith(wrapper)) f = f.slice(wrapper.length);
  return f;
}

/** The messages of every problem at `field` or below it (`names` gathers `names.0.value`). */
export function messagesFor(problems: readonly FieldProblem[], field: string): string | undefined {
  const hits = problems.filter((p) => p.field === field || p.field.startsWith(`${field}.`) || p.field.startsWith(`${field},`));
  return hits.length ? hits.map((p) => p.message).join('; ') : undefined;
}

let csrfToken: string | null = null;
let onUnauthenticated: (() => void) | undefined;

export function setCsrfToken(token: string | null): void { csrfToken = token; }
export function onSessionLost(handler: () => void): void { onUnauthenticated = handler; }

export type Query = Record<string, string | number | boolean | undefined | null>;

export function withQuery(path: string, query?: Query): string {
  if (!query) return path;
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(query)) if (v !== undefined && v !== null && v !== '') params.set(k, String(v));
  const qs = params.toString();
  return qs ? `${path}?${qs}` : path;
}

export interface RequestOptions {
  query?: Query;
  body?: unknown;
  /** Why this call is made; the API writes it into the audit entry. */
  purpose?: string;
  contentType?: string;
  signal?: AbortSignal;
}

const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/** Sends a request and returns the raw response, throwing an ApiError for any problem. */
export async function send(method: string, path: string, opts: RequestOptions = {}): Promise<Response> {
  const headers: Record<string, string> = { accept: 'application/json' };
  let body: BodyInit | undefined;
  if (opts.body !== undefined) {
    if (typeof opts.body === 'string' || opts.body instanceof Blob || opts.body instanceof ArrayBuffer) {
      body = opts.body;
      headers['content-type'] = opts.contentType ?? 'text/plain';
    } else {
      body = JSON.stringify(opts.body);
      headers['content-type'] = 'application/json';
    }
  }
  if (UNSAFE.has(method) && csrfToken) headers['x-csrf-token'] = csrfToken;
  if (opts.purpose) headers['x-vigil-purpose'] = opts.purpose;
  let response: Response;
  try {
    response = await fetch(withQuery(`/api/v1${path}`, opts.query), { method, headers, body, credentials: 'same-origin', signal: opts.signal });
  } catch (err) {
    if (err instanceof DOMException && err.name === 'AbortError') throw err;
    throw new ApiError({ status: 0, title: 'network', detail: err instanceof Error ? err.message : String(err) });
  }
  if (!response.ok) {
    let problem: Problem = { status: response.status };
    try {
      const parsed: unknown = await response.json();
      if (parsed && typeof parsed === 'object') problem = { ...(parsed as Problem), status: response.status };
    } catch { /* not JSON */ }
    if (response.status === 401 && path !== '/session') onUnauthenticated?.();
    throw new ApiError(problem);
  }
  return response;
}

export async function request<T>(method: string, path: string, opts: RequestOptions = {}): Promise<T> {
  const response = await send(method, path, opts);
  if (response.status === 204) return undefined as T;
  const text = await response.text();
  return (text ? JSON.parse(text) : undefined) as T;
}

export const api = {
  get: <T>(path: string, query?: Query, signal?: AbortSignal) => request<T>('GET', path, { query, signal }),
  post: <T>(path: string, body?: unknown, opts: Omit<RequestOptions, 'body'> = {}) => request<T>('POST', path, { ...opts, body }),
  patch: <T>(path: string, body?: unknown, opts: Omit<RequestOptions, 'body'> = {}) => request<T>('PATCH', path, { ...opts, body }),
  put: <T>(path: string, body?: unknown, opts: Omit<RequestOptions, 'body'> = {}) => request<T>('PUT', path, { ...opts, body }),
  del: <T>(path: string, body?: unknown, opts: Omit<RequestOptions, 'body'> = {}) => request<T>('DELETE', path, { ...opts, body }),
};

/** The OpenAPI document of the server: which routes it offers, so pages adapt to what is there. */

export async function loadCatalogue(): Promise<ApiCatalogue> {
  try {
    const res = await fetch('/api/openapi.json', { headers: { accept: 'application/json' } });
    const doc = (await res.json()) as { paths?: Record<string, Record<string, unknown>> };
    const routes = new Set<string>();
    for (const [p, ops] of Object.entries(doc.paths ?? {})) {
      const path = p.replace(/^\/api\/v1/, '').replace(/\{(\w+)\}/g, ':$1');
      for (const m of Object.keys(ops)) routes.add(`${m.toUpperCase()} ${path}`);
    }
    return { has: (method, path) => routes.has(`${method.toUpperCase()} ${path}`), paths: [...routes] };
  } catch {
    return { has: () => false, paths: [] };
  }
}
