// Errors as RFC 9457 problem details. Every problem type is documented on /docs, which its
// `type` points to; the status says whose mistake it was, and nothing a client sends yields a 500.
import { DATA_POLICY, securityHeaders } from './security.js';

export interface Problem {
  type: string;
  title: string;
  status: number;
  detail: string;
  /** Nearby valid values, when there are any (unknown codes, protocols). */
  suggestions?: readonly (string | number)[];
  /** Values the parameter accepts, when there is a fixed set. */
  allowed?: readonly string[];
}

export const PROBLEM_TYPES = {
  'invalid-code': { status: 400, title: 'Not a code' },
  'invalid-query': { status: 400, title: 'Invalid query parameter' },
  'invalid-language': { status: 400, title: 'Not a language tag' },
  'same-code': { status: 400, title: 'A code cannot be compared with itself' },
  'unknown-protocol': { status: 404, title: 'Unknown protocol' },
  'unknown-code': { status: 404, title: 'Unknown code' },
  'not-found': { status: 404, title: 'No such resource' },
  'method-not-allowed': { status: 405, title: 'Method not allowed' },
  'body-not-allowed': { status: 400, title: 'A body where none belongs' },
  'uri-too-long': { status: 414, title: 'URI too long' },
  'body-too-large': { status: 413, title: 'Body too large' },
  'unsupported-media-type': { status: 415, title: 'Unsupported media type' },
  'invalid-body': { status: 400, title: 'Invalid body' },
  'internal-error': { status: 500, title: 'Internal error' },
} as const;

export type ProblemType = keyof typeof PROBLEM_TYPES;

export class ProblemError extends Error {
  readonly problem: Problem;
  constructor(type: ProblemType, detail: string, extra: Pick<Problem, 'suggestions' | 'allowed'> = {}) {
    super(detail);
    const { status, title } = PROBLEM_TYPES[type];
    this.problem = { type: `/docs#problem-${type}`, title, status, detail, ...extra };
  }
}

/** Shortens a client's value before echoing it in a detail, so a long input stays a short answer. */
export function echo(value: string): string {
  const printable = value.replace(/[\u0000-\u001f\u007f]/g, '?');
  return JSON.stringify(printable.length > 40 ? `${printable.slice(0, 40)}…` : printable);
}

export function problemResponse(problem: Problem, headers: Record<string, string> = {}): Response {
  const body = JSON.stringify(problem);
  return new Response(body, {
    status: problem.status,
    headers: {
      'content-type': 'application/problem+json; charset=utf-8',
      'content-length': String(new TextEncoder().encode(body).byteLength),
      'cache-control': 'no-store',
      'access-control-allow-origin': '*',
      ...securityHeaders(DATA_POLICY),
      ...headers,
    },
  });
}
