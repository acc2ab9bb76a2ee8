// The one request path: every SDK method becomes a CallPlan over the openapi-fetch client and runs
// through the client's resilience pipeline.
import type { Client } from 'openapi-fetch';
import type { RequestOptions, ResolvedConfig } from '../config.js';
import { InvalidArgumentError } from '../errors.js';
import { checkNumber, describeValue, wholeNumber } from '../validation.js';
import type { Pipeline } from '../pipeline/create-pipeline.js';
import type { Outcome } from '../transport/attempt.js';
import type { paths } from './api-types.js';
import { operations, type OperationDef, type OperationId } from './operations.js';

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
    if (body !== undefined) init.body = body;
    return this.pipeline.execute(
      {
        operationId,
        op,
        url: this.config.baseUrl + path,
        body,
        send: ({ signal, headers }) =>
          request(op.method, op.path, headers ? { ...init, signal, headers } : { ...init, signal }),
      },
      options,
    );
  }

  /** Validates a user id argument. */
  userId(id: unknown): number {
    return this.checkInteger('id', id, 1);
  }

  checkInteger(name: string, value: unknown, min: number, max = Number.MAX_SAFE_INTEGER): number {
    return checkNumber(name, value, wholeNumber(min, max), undefined, InvalidArgumentError);
  }

  /** Validates a request body argument: a plain object. */
  body(value: unknown): unknown {
    if (typeof value !== 'object' || value === null || Array.isArray(value)) {
      throw new InvalidArgumentError(
        `The request body must be an object; got ${describeValue(value, true)}.`,
      );
    }
    return value;
  }
}
