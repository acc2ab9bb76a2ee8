// One operation's TypeScript signature and documentation, shared by the two places it is written: the
// standalone function (`usersGet(core, id, options)`, funcs-render.ts) and the resource method that makes
// the same call (`client.users.get(id, options)`, render.ts). One definition, so the two cannot drift apart.
import type { MethodModel } from './model.js';

/** A sentence: trimmed, capitalised, ending in a full stop. */
export function sentence(text: string): string {
  const t = text.trim();
  return /[.!?]$/.test(t) ? t : `${t}.`;
}

/** A TSDoc block from lines (empty lines kept as paragraph breaks), indented by `indent`. */
export function doc(lines: readonly string[], indent = ''): string {
  const body = lines
    .flatMap((l) => l.split('\n'))
    .map((l) => (l ? `${indent} * ${l.replace(/\*\//g, '*\\/')}` : `${indent} *`));
  return `${indent}/**\n${body.join('\n')}\n${indent} */\n`;
}

/** The name of an operation's standalone function: the SDK property, then the method (`usersGet`). */
export function funcName(method: MethodModel): string {
  const { property, method: name } = method.row.sdk;
  return property + name.charAt(0).toUpperCase() + name.slice(1);
}

/** The exported name of an operation's row in the generated table (`getUserOperation`). */
export function rowName(operationId: string): string {
  return `${operationId}Operation`;
}

/** Everything the signature and its documentation are made of. */
export interface Signature {
  /** Parameters after the core/`this`, `options` last (`id: number`, …). */
  readonly args: readonly string[];
  /** The `@param` lines of `args`. */
  readonly params: readonly string[];
  /** The argument names in order, as the resource method passes them on. */
  readonly names: readonly string[];
  /** The call input (`{ path: { id }, body }`). */
  readonly input: string;
  readonly returnType: string;
  readonly paginated: boolean;
  /** Summary, description, method and path, what the call does (idempotency, ifMatch, pages). */
  readonly description: readonly string[];
  readonly returns: string;
}

/** The signature of one operation. */
export function signatureOf(method: MethodModel): Signature {
  const { op, row } = method;
  const args: string[] = [];
  const names: string[] = [];
  const params: string[] = [];
  row.pathParams.forEach((p, i) => {
    args.push(`${p.name}: ${method.pathTypes[i] ?? 'never'}`);
    names.push(p.name);
    const spec = op.parameters.find((x) => x.in === 'path' && x.name === p.name);
    params.push(
      `@param ${p.name} - ${spec?.description ? sentence(spec.description) : `The \`${p.name}\` path parameter.`}`,
    );
  });
  if (method.bodyType) {
    args.push(`body: ${method.bodyType}`);
    names.push('body');
    params.push('@param body - The request body.');
  }
  if (method.paramsType) {
    const required = row.queryParams.some((q) => q.required);
    args.push(`params${required ? '' : '?'}: ${method.paramsType}`);
    names.push('params');
    params.push('@param params - The query parameters.');
  }
  args.push('options?: RequestOptions');
  names.push('options');
  params.push('@param options - Per-call options: signal, timeouts, retries, headers, idempotency key.');
  const paginated = row.pagination !== null;
  const input: string[] = [];
  if (row.pathParams.length) input.push(`path: { ${row.pathParams.map((p) => p.name).join(', ')} }`);
  if (method.bodyType) input.push('body');
  if (method.paramsType) input.push('query: params');
  const description: string[] = [];
  description.push(op.summary ? sentence(op.summary) : `Calls \`${method.operationId}\`.`);
  if (op.description) description.push('', op.description.trim());
  description.push('', `\`${row.method} ${row.path}\` (operation \`${method.operationId}\`).`);
  const traits: string[] = [];
  if (row.acceptsIdempotencyKey)
    traits.push('sends an `Idempotency-Key` (one per call, reused on every retry), so it is retried safely');
  if (row.acceptsIfMatch)
    traits.push(
      'takes `ifMatch` (an ETag or a resource the client returned) and then rejects with `PreconditionFailedError` if someone else changed it first',
    );
  if (paginated)
    traits.push('resolves to one page; `for await` over the result walks every item of every page');
  if (traits.length) description.push('', `This call ${traits.join(' and ')}.`);
  return {
    args,
    params,
    names,
    input: `{ ${input.join(', ')} }`,
    returnType: paginated ? `PagePromise<${method.resultType}>` : `APIPromise<${method.resultType}>`,
    paginated,
    description,
    returns: paginated
      ? `@returns A {@link PagePromise}: await it for one page, iterate it for every item; \`.withResponse()\` adds the response.`
      : `@returns An {@link APIPromise} of the ${method.resultType === 'void' ? 'completion' : 'response body'}; \`.withResponse()\` adds the response.`,
  };
}

/** The arguments of an `@example` call (`1, { name: … }, { limit: 20 }`). */
export function exampleArgs(method: MethodModel): string {
  return [
    ...method.row.pathParams.map(() => '1'),
    ...(method.bodyType ? [method.exampleBody ?? '{ /* … */ }'] : []),
    ...(method.row.pagination ? [`{ ${method.row.pagination.limit.replace(/^_/, '')}: 20 }`] : []),
  ].join(', ');
}

/** The `@example` lines of a call written as `call` (`client.users.get(1)` or `usersGet(core, 1)`). */
export function exampleLines(method: MethodModel, call: string): string[] {
  if (method.row.pagination) {
    return [
      `const page = await ${call};`,
      `for await (const item of ${call}) console.log(item);`,
      `const { data, requestId } = await ${call}.withResponse();`,
    ];
  }
  if (method.resultType === 'void') return [`await ${call};`];
  return [
    `const result = await ${call};`,
    `const { data, response, requestId } = await ${call}.withResponse();`,
  ];
}
