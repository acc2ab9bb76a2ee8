// The environment variables the SDK reads, and the one door through which it reads them. Each is read
// only when the matching option is missing (`envValue`), so a runtime that guards the environment
// (Deno without --allow-env) is never asked when every option is passed.
import { readEnvVar } from './platform.js';

/** The environment variables the SDK reads. */
export const ENV_VARS = {
  baseUrl: 'USER_MGMT_BASE_URL',
  apiKey: 'USER_MGMT_API_KEY',
  token: 'USER_MGMT_TOKEN',
  logLevel: 'USER_MGMT_LOG',
} as const;

export type EnvKey = keyof typeof ENV_VARS;
export type EnvValues = { readonly [K in EnvKey]?: string };

/** One variable, trimmed; undefined when unset, empty or unreadable. */
export function envValue(key: EnvKey): string | undefined {
  return readEnvVar(ENV_VARS[key])?.trim() || undefined;
}

/** Every variable that is set. */
export function readEnv(): EnvValues {
  const out: { -readonly [K in EnvKey]?: string } = {};
  for (const key of Object.keys(ENV_VARS) as EnvKey[]) {
    const value = envValue(key);
    if (value !== undefined) out[key] = value;
  }
  return out;
}
