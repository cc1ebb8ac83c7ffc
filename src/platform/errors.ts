/**
 * The one catalogue of domain errors. Services throw these; the API renders them as problem
 * documents. Nothing picks an error type by its message text.
 */
export type ErrorCode =
  | 'invalid' | 'unauthenticated' | 'forbidden' | 'not_found' | 'conflict'
  | 'too_many_requests' | 'payload_too_large' | 'unavailable';

export interface FieldProblem { field: string; message: string }

/** A problem of one line of an import file. */
export interface LineProblem extends FieldProblem { line: number }

export class DomainError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details: { fields?: FieldProblem[]; existing?: string; [k: string]: unknown } = {},
  ) {
    super(message);
    this.name = 'DomainError';
  }
}

export const invalid = (message: string, fields: FieldProblem[] = []) => new DomainError('invalid', message, { fields });
export const invalidField = (field: string, message: string) => new DomainError('invalid', `${field}: ${message}`, { fields: [{ field, message }] });
export const unauthenticated = (message = 'Sign in first: this call needs a session or an API token.') => new DomainError('unauthenticated', message);
export const forbidden = (message = 'You are not allowed to do this.') => new DomainError('forbidden', message);
export const notFound = (what = 'record') => new DomainError('not_found', `No such ${what}, or you may not see it.`);
export const conflict = (message: string, existing?: string) => new DomainError('conflict', message, { existing });
export const tooManyRequests = (message: string) => new DomainError('too_many_requests', message);
