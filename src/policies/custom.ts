// The application's own policies, run at one of two named places in the pipeline: `perCall`, once per
// call, outside the retries (after the deadline is set); or `perAttempt`, on every attempt, inside the
// retries, after auth and trace headers are set and before the breaker (so a signature covers the
// headers as sent, and a failure the policy throws is one the retries see).
import { ConfigError } from '../errors.js';
import type { CallContext, Next, Policy } from './policy.js';
import type { Outcome } from '../transport/attempt.js';

/** Where a custom policy runs: once per call outside the retries, or on every attempt inside them. */
export type PolicyPosition = 'perCall' | 'perAttempt';

/**
 * A policy of the application's own, and where in the pipeline it runs.
 * @example
 * ```ts
 * const tenantHeader: CustomPolicy = {
 *   name: 'tenant',
 *   position: 'perCall',
 *   policy: (ctx, next) => {
 *     ctx.headers['X-Tenant'] = currentTenant();
 *     return next();
 *   },
 * };
 * new UserManagementClient({ baseUrl, policies: [tenantHeader] });
 * ```
 */
export interface CustomPolicy {
  /** A name for messages about the policy. @default 'custom' */
  readonly name?: string | undefined;
  /** Where it runs. */
  readonly position: PolicyPosition;
  /** The policy. */
  readonly policy: Policy;
}

/** Options of the custom-policy extension point. */
export interface CustomPolicyOptions {
  /** Policies of your own, each at its position, in the order given. @default none */
  policies?: readonly CustomPolicy[] | undefined;
}

/** The custom policies, resolved. */
export interface ResolvedCustomPolicies {
  readonly policies: readonly CustomPolicy[] | undefined;
}

export function resolveCustomPolicies(options: CustomPolicyOptions): ResolvedCustomPolicies {
  const list: unknown = options.policies;
  if (list === undefined) return { policies: undefined };
  if (!Array.isArray(list)) throw new ConfigError('policies must be an array of { position, policy }.');
  const out = list.map((entry: unknown, i): CustomPolicy => {
    const p = entry as Partial<CustomPolicy> | null;
    const name = typeof p?.name === 'string' ? p.name : `policies[${i}]`;
    if (typeof p?.policy !== 'function')
      throw new ConfigError(`${name}: policy must be a function (ctx, next) => Promise<Outcome>.`);
    if (p.position !== 'perCall' && p.position !== 'perAttempt')
      throw new ConfigError(`${name}: position must be 'perCall' or 'perAttempt'.`);
    return Object.freeze({ name, position: p.position, policy: p.policy });
  });
  return { policies: Object.freeze(out) };
}

/** The application's policies at one position, as pipeline steps. */
export function customPolicies(
  resolved: readonly CustomPolicy[] | undefined,
  position: PolicyPosition,
): ((ctx: CallContext, next: Next) => Promise<Outcome>)[] {
  return (resolved ?? []).filter((p) => p.position === position).map((p) => p.policy);
}
