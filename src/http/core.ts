// The one request path: every SDK method becomes a CallPlan over the openapi-fetch client and runs
// through the client's resilience pipeline.
import type { Client } from 'openapi-fetch';
import type { RequestOptions, ResolvedConfig } from '../config.js';
import { InvalidArgumentError } from '../errors.js';
import type { Pipeline } from '../resilience/pipeline.js';
import type { Outcome } from './attempt.js';
import type { paths } from './api-types.js';
import { operations, type OperationDef, type OperationId } from './operations.js';
import { checkPlainObject, serializeBody } from './serialize-body.js';

const asIs = (text: unknown): unknown => text;

interface Params {
  readonly path?: Readonly<Record<string, string | number>>;
  readonly query?: Readonly<Record<string, string | number>>;
}

type LooseRequest = (
  method: string,
  path: string,
  init: Record<string, unknown>,
) => Promise<{ data?: unknown; error?: unknown; response: Response }>;

export class Core {
  private readonly request: LooseRequest;
  private readonly config: ResolvedConfig;
  private readonly pipeline: Pipeline;

  constructor(raw: Client<paths>, config: ResolvedConfig, pipeline: Pipeline) {
    this.config = config;
    this.pipeline = pipeline;
    // The facade reaches every operation through one generic call; its own signatures carry the types.
    this.request = (raw.request as unknown as LooseRequest).bind(raw);
  }

  /** Runs one operation through the pipeline and returns the parsed body and the response. */
  call(
    operationId: OperationId,
    params: Params,
    body: unknown,
    options: RequestOptions | undefined,
  ): Promise<Outcome> {
    const op: OperationDef = operations[operationId];
    let path = op.path;
    if (params.path) {
      for (const [k, v] of Object.entries(params.path))
        path = path.replace(`{${k}}`, encodeURIComponent(String(v)));
    }
    const request = this.request;
    const init: Record<string, unknown> = { params, parseAs: 'text' };
    // Serialized here, once: a body JSON cannot hold fails as InvalidArgumentError before any attempt.
    if (body !== undefined) Object.assign(init, { body: serializeBody(body), bodySerializer: asIs });
    return this.pipeline.execute(
      {
        operationId,
        op,
        url: this.config.baseUrl + path,
        body,
        send: ({ signal, headers, fetch }) =>
          request(op.method, op.path, {
            ...init,
            signal,
            ...(headers ? { headers } : {}),
            ...(fetch ? { fetch } : {}),
          }),
      },
      options,
    );
  }

  /** Validates a user id argument. */
  userId(id: unknown): number {
    return this.checkInteger('id', id, 1);
  }

  checkInteger(name: string, value: unknown, min: number, max = Number.MAX_SAFE_INTEGER): number {
    if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max) {
      const range = max === Number.MAX_SAFE_INTEGER ? `≥ ${min}` : `from ${min} to ${max}`;
      throw new InvalidArgumentError(`${name} must be a whole number ${range}; got ${describe(value)}.`);
    }
    return value;
  }

  /** Validates a request body argument: a plain object JSON can represent. */
  body(value: unknown): unknown {
    checkPlainObject(value);
    return value;
  }
}

function describe(value: unknown): string {
  if (typeof value === 'number') return String(value);
  if (typeof value === 'string')
    return `the string "${value.length > 20 ? `${value.slice(0, 20)}…` : value}"`;
  return value === null ? 'null' : Array.isArray(value) ? 'an array' : typeof value;
}
