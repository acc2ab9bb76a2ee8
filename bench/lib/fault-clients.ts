// The clients compared under faults: the SDK with its breaker and retry budget on and off, and a plain
// retry loop over fetch shaped like the OpenAI client's defaults (maxRetries 2; wait
// min(0.5 s × 2^retry, 8 s) × (1 − 0.25 × random) before each retry; retries 408, 409, 429, 5xx and
// connection errors). All backoff delays are shrunk 10× so the part stays short: 50 ms → 800 ms
// instead of 0.5 s → 8 s, for the SDK (baseDelayMs 50, maxDelayMs 800, full jitter) and the loop alike.
import type { ClientOptions, FetchLike } from '../../src/index.js';
import { UserManagementClient } from './sdk.js';
import { sleep } from './stats.js';

export const DELAY_SCALE = 0.1;
export const HALF_OPEN_AFTER_MS = 1000;
export const BACKOFF = { baseDelayMs: 500 * DELAY_SCALE, multiplier: 2, maxDelayMs: 8000 * DELAY_SCALE };
export const BREAKER = { failureThreshold: 5, halfOpenAfterMs: HALF_OPEN_AFTER_MS };

export interface FaultClient {
  /** One logical call; resolves true on success, false on any error. */
  call(): Promise<boolean>;
  /** Requests handed to fetch so far (attempts, as the client sees them). */
  readonly attempts: number;
  /** When the SDK's breaker last closed (performance.now()), if it has. */
  readonly closedAt: number | undefined;
}

export interface FaultClientKind {
  readonly name: string;
  readonly breaker: boolean;
  readonly budget: boolean;
  make(origin: string): FaultClient;
}

function sdkKind(name: string, breaker: boolean, budget: boolean): FaultClientKind {
  return {
    name,
    breaker,
    budget,
    make(origin) {
      let attempts = 0;
      let closedAt: number | undefined;
      const fetch: FetchLike = (input, init) => {
        attempts++;
        return globalThis.fetch(input, init);
      };
      const options: ClientOptions = {
        baseUrl: origin,
        fetch,
        logLevel: 'off',
        maxRetries: 2,
        backoff: BACKOFF,
        circuitBreaker: breaker ? BREAKER : false,
        retryBudget: budget ? {} : false,
        onCircuitStateChange: (change) => {
          if (change.to === 'closed') closedAt = performance.now();
        },
      };
      const client = new UserManagementClient(options);
      return {
        call: () =>
          client.users.get(1).then(
            () => true,
            () => false,
          ),
        get attempts() {
          return attempts;
        },
        get closedAt() {
          return closedAt;
        },
      };
    },
  };
}

const RETRYABLE = (status: number): boolean =>
  status === 408 || status === 409 || status === 429 || status >= 500;

/** The OpenAI client's default backoff (client.ts calculateDefaultRetryTimeoutMillis), scaled. */
export function openAiStyleDelayMs(retriesDone: number): number {
  return Math.min(500 * 2 ** retriesDone, 8000) * (1 - Math.random() * 0.25) * DELAY_SCALE;
}

export const PLAIN_LOOP: FaultClientKind = {
  name: 'plain retry loop (OpenAI-shaped)',
  breaker: false,
  budget: false,
  make(origin) {
    const url = `${origin}/users/1`;
    let attempts = 0;
    const maxRetries = 2;
    const call = async (): Promise<boolean> => {
      for (let retry = 0; ; retry++) {
        attempts++;
        try {
          const response = await fetch(url);
          if (response.ok) {
            await response.json();
            return true;
          }
          await response.body?.cancel();
          if (!RETRYABLE(response.status) || retry >= maxRetries) return false;
        } catch {
          if (retry >= maxRetries) return false;
        }
        await sleep(openAiStyleDelayMs(retry));
      }
    };
    return {
      call,
      get attempts() {
        return attempts;
      },
      closedAt: undefined,
    };
  },
};

export const FAULT_CLIENTS: readonly FaultClientKind[] = [
  sdkKind('SDK: breaker + budget (defaults)', true, true),
  sdkKind('SDK: breaker only', true, false),
  sdkKind('SDK: budget only', false, true),
  sdkKind('SDK: retries only', false, false),
  PLAIN_LOOP,
];
