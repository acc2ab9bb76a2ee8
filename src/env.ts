// Reads the SDK's environment variables where there is an environment: in a browser there is no
// `process`, and reading it must not throw.
/** The environment variables the SDK reads. */
export const ENV_VARS = {
  baseUrl: 'USER_MGMT_BASE_URL',
  apiKey: 'USER_MGMT_API_KEY',
  token: 'USER_MGMT_TOKEN',
  logLevel: 'USER_MGMT_LOG',
} as const;

export type EnvValues = { readonly [K in keyof typeof ENV_VARS]?: string };

export function readEnv(): EnvValues {
  const env = (globalThis as { process?: { env?: Record<string, string | undefined> } }).process?.env;
  if (!env) return {};
  const out: { -readonly [K in keyof typeof ENV_VARS]?: string } = {};
  for (const key of Object.keys(ENV_VARS) as (keyof typeof ENV_VARS)[]) {
    const value = env[ENV_VARS[key]]?.trim();
    if (value) out[key] = value;
  }
  return out;
}
