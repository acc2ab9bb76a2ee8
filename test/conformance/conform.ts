// Turns Prism's validation verdicts into test failures that say what disagrees. Prism's proxy (--errors)
// answers a response that breaks the spec with 500 + `sl-violations`, and a request that breaks it with
// 422 + a problem body whose `validation[]` lists the violations.
import { ApiError } from '../../src/index.js';

/** One violation as Prism reports it. */
export interface Violation {
  readonly location?: readonly (string | number)[];
  readonly severity?: string;
  readonly code?: string | number;
  readonly message?: string;
}

/** The violations Prism attached to an error, if it attached any. */
export function violationsOf(err: unknown): Violation[] | undefined {
  if (!(err instanceof ApiError)) return undefined;
  const header = err.headers['sl-violations'];
  if (header !== undefined) {
    try {
      const parsed: unknown = JSON.parse(header);
      return Array.isArray(parsed) ? (parsed as Violation[]) : [{ message: header }];
    } catch {
      return [{ message: header }];
    }
  }
  const body = err.body as { type?: unknown; validation?: unknown } | undefined;
  if (
    typeof body?.type === 'string' &&
    body.type.includes('stoplight.io/prism/errors') &&
    Array.isArray(body.validation)
  ) {
    return body.validation as Violation[];
  }
  return undefined;
}

/** One line per violation: `response.body.0.email: Response body property 0.email must match format "email"`. */
export function describeViolations(violations: readonly Violation[]): string {
  return violations
    .map(
      (v) =>
        `${(v.location ?? []).join('.') || '?'}: ${v.message ?? JSON.stringify(v)}${v.severity && v.severity !== 'Error' ? ` (${v.severity})` : ''}`,
    )
    .join('\n  ');
}

function rethrow(err: unknown): never {
  const violations = violationsOf(err);
  if (violations && err instanceof ApiError) {
    throw new Error(
      `Spec and server disagree on ${err.method} ${new URL(err.url).pathname} (${err.status}):\n  ${describeViolations(violations)}`,
      {
        cause: err,
      },
    );
  }
  throw err;
}

/** Awaits an SDK call; a Prism violation becomes an error whose message lists the violations. */
export async function conform<T>(call: Promise<T>): Promise<T> {
  try {
    return await call;
  } catch (err) {
    rethrow(err);
  }
}

/** Collects an SDK iterator (listAll) into an array, with the same treatment of violations. */
export async function conformAll<T>(iterable: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  try {
    for await (const item of iterable) out.push(item);
  } catch (err) {
    rethrow(err);
  }
  return out;
}
