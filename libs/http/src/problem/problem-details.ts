/** One violated rule of a request, named by its path in the request (`body.roles.0`, `query.limit`). */
export interface FieldError {
  readonly field: string;
  readonly reason: string;
}

/** An RFC 9457 problem details document, as every error response of the API carries it. */
export interface ProblemDetails {
  readonly type: string;
  readonly title: string;
  readonly status: number;
  readonly detail: string;
  readonly instance: string;
  readonly code?: string;
  readonly errors?: readonly FieldError[];
}

export const PROBLEM_CONTENT_TYPE = 'application/problem+json';

/** Problem types are URNs: stable identifiers that promise no documentation page at an address. */
export function problemType(code: string): string {
  return `urn:rollcall:problem:${code}`;
}
