// Renders the generated TypeScript files from the SDK model: the operation table, the models, one class
// per tag and the client's resource base. Strings in, strings out: no I/O here.
import type { MethodModel, SdkModel } from './model.js';

/** The "do not edit" header every generated file starts with. */
export function header(specLabel: string): string {
  return `// generated from ${specLabel} by \`npm run generate\` — do not edit.\n// Change the spec and regenerate instead.\n\n`;
}

/** A TSDoc block from lines (empty lines kept as paragraph breaks), indented by `indent`. */
function doc(lines: readonly string[], indent = ''): string {
  const body = lines
    .flatMap((l) => l.split('\n'))
    .map((l) => (l ? `${indent} * ${l.replace(/\*\//g, '*\\/')}` : `${indent} *`));
  return `${indent}/**\n${body.join('\n')}\n${indent} */\n`;
}

/** A sentence: trimmed, capitalised, ending in a full stop. */
function sentence(text: string): string {
  const t = text.trim();
  return /[.!?]$/.test(t) ? t : `${t}.`;
}

/** The operation table (`operations.ts`). */
export function renderOperations(label: string, model: SdkModel): string {
  const body = JSON.stringify(model.operations, null, 2).replace(/"(\w+)":/g, '$1:');
  return (
    header(label) +
    `import type { OperationRow } from '../http/operation-table.js';\n\n` +
    `/** One entry per operation of the spec, keyed by operationId: what the runtime needs to send, validate and retry it. */\n` +
    `export const operations = ${body} as const satisfies Readonly<Record<string, OperationRow>>;\n\n` +
    `/** The operationIds of the spec. */\n` +
    `export type OperationId =\n${Object.keys(model.operations)
      .map((id) => `  | '${id}'`)
      .join('\n')};\n`
  );
}

/** The named schemas, query-parameter interfaces and page types (`models.ts`). */
export function renderModels(label: string, model: SdkModel): string {
  const out: string[] = [header(label)];
  out.push(
    `import type { Page } from '../http/page.js';\nimport type { components } from './schema.js';\n\n`,
  );
  out.push(`type Schemas = components['schemas'];\n\n`);
  for (const m of model.models) {
    const text = m.description ? sentence(m.description) : `The ${m.name} schema of the spec.`;
    if (m.isObject) out.push(`type ${m.name}Schema = Schemas['${m.name}'];\n`);
    out.push(doc([text]));
    out.push(
      m.isObject
        ? `export interface ${m.name} extends ${m.name}Schema {}\n\n`
        : `export type ${m.name} = ${m.type ?? `Schemas['${m.name}']`};\n\n`,
    );
  }
  for (const p of model.pages) {
    out.push(doc([`One page of {@link ${p.item}} items.`]));
    out.push(`export type ${p.name} = Page<${p.item}>;\n\n`);
  }
  for (const { name, method } of model.params) {
    const typeOf = (q: (typeof method.row.queryParams)[number]): string =>
      paramType(method, q.name) ?? `QueryParams<'${method.operationId}'>['${q.name}']`;
    out.push(
      doc([
        `The query parameters of \`client.${method.row.sdk.property}.${method.name}()\` (\`${method.row.method} ${method.row.path}\`), named as in the spec without a leading \`_\`.`,
      ]),
    );
    out.push(`export interface ${name} {\n`);
    for (const q of method.row.queryParams) {
      const spec = method.op.parameters.find((p) => p.in === 'query' && p.name === q.name);
      const lines = [spec?.description ? sentence(spec.description) : `The \`${q.name}\` query parameter.`];
      if (q.default !== undefined) lines.push(`@defaultValue ${JSON.stringify(q.default)}`);
      out.push(doc(lines, '  '));
      out.push(`  ${q.sdkName}${q.required ? '' : '?'}: ${typeOf(q)}${q.required ? '' : ' | undefined'};\n`);
    }
    out.push(`}\n\n`);
  }
  const text = out.join('');
  const needsQuery = text.includes('QueryParams<');
  return needsQuery
    ? text.replace(
        `import type { components }`,
        `import type { QueryParams } from '../http/api-types.js';\nimport type { components }`,
      )
    : text;
}

/** The TypeScript type of a query parameter, as the model computed it for the params interface. */
function paramType(method: MethodModel, name: string): string | undefined {
  return method.queryTypes[name];
}

function example(method: MethodModel): string[] {
  const { property } = method.row.sdk;
  const args = [
    ...method.row.pathParams.map(() => '1'),
    ...(method.bodyType ? [exampleBody(method)] : []),
    ...(method.row.pagination ? [`{ ${method.row.pagination.limit.replace(/^_/, '')}: 20 }`] : []),
  ].join(', ');
  const call = `client.${property}.${method.name}(${args})`;
  if (method.row.pagination) {
    return [
      '```ts',
      `const page = await ${call};`,
      `for await (const item of ${call}) console.log(item);`,
      `const { data, requestId } = await ${call}.withResponse();`,
      '```',
    ];
  }
  if (method.resultType === 'void') return ['```ts', `await ${call};`, '```'];
  return [
    '```ts',
    `const result = await ${call};`,
    `const { data, response, requestId } = await ${call}.withResponse();`,
    '```',
  ];
}

function exampleBody(method: MethodModel): string {
  return method.exampleBody ?? '{ /* … */ }';
}

function renderMethod(method: MethodModel): string {
  const { op, row } = method;
  const args: string[] = [];
  const params: string[] = [];
  row.pathParams.forEach((p, i) => {
    args.push(`${p.name}: ${method.pathTypes[i] ?? 'never'}`);
    const spec = op.parameters.find((x) => x.in === 'path' && x.name === p.name);
    params.push(
      `@param ${p.name} - ${spec?.description ? sentence(spec.description) : `The \`${p.name}\` path parameter.`}`,
    );
  });
  if (method.bodyType) {
    args.push(`body: ${method.bodyType}`);
    params.push('@param body - The request body.');
  }
  if (method.paramsType) {
    const required = row.queryParams.some((q) => q.required);
    args.push(`params${required ? '' : '?'}: ${method.paramsType}`);
    params.push('@param params - The query parameters.');
  }
  args.push('options?: RequestOptions');
  params.push('@param options - Per-call options: signal, timeouts, retries, headers, idempotency key.');
  const paginated = row.pagination !== null;
  const returnType = paginated ? `PagePromise<${method.resultType}>` : `APIPromise<${method.resultType}>`;
  const input: string[] = [];
  if (row.pathParams.length) input.push(`path: { ${row.pathParams.map((p) => p.name).join(', ')} }`);
  if (method.bodyType) input.push('body');
  if (method.paramsType) input.push('query: params');
  const lines: string[] = [];
  lines.push(op.summary ? sentence(op.summary) : `Calls \`${method.operationId}\`.`);
  if (op.description) lines.push('', op.description.trim());
  lines.push('', `\`${row.method} ${row.path}\` (operation \`${method.operationId}\`).`);
  const traits: string[] = [];
  if (row.acceptsIdempotencyKey)
    traits.push('sends an `Idempotency-Key` (one per call, reused on every retry), so it is retried safely');
  if (row.acceptsIfMatch)
    traits.push(
      'takes `ifMatch` (an ETag or a resource the client returned) and then rejects with `PreconditionFailedError` if someone else changed it first',
    );
  if (paginated)
    traits.push('resolves to one page; `for await` over the result walks every item of every page');
  if (traits.length) lines.push('', `This call ${traits.join(' and ')}.`);
  lines.push('', ...params);
  lines.push(
    paginated
      ? `@returns A {@link PagePromise}: await it for one page, iterate it for every item; \`.withResponse()\` adds the response.`
      : `@returns An {@link APIPromise} of the ${method.resultType === 'void' ? 'completion' : 'response body'}; \`.withResponse()\` adds the response.`,
  );
  lines.push('@example', ...example(method));
  const verb = paginated ? 'page' : 'call';
  let text =
    doc(lines, '  ') +
    `  ${method.name}(${args.join(', ')}): ${returnType} {\n` +
    `    return this.core.${verb}('${method.operationId}', { ${input.join(', ')} }, options);\n` +
    `  }\n`;
  if (paginated && method.name === 'list') {
    text +=
      '\n' +
      doc(
        [
          `Iterates over every item of \`${method.name}()\`, page by page; \`break\` stops without fetching further pages.`,
          '',
          `The same as \`for await (const item of client.${row.sdk.property}.list(params))\`, kept as a named method.`,
          '',
          ...(method.paramsType ? ['@param params - The query parameters; `page` is where to start.'] : []),
          ...row.pathParams.map((p) => `@param ${p.name} - As for \`${method.name}()\`.`),
          '@param options - Per-call options, applied to every page, and `maxPages` (default 10000), after which the walk ends.',
          '@example',
          '```ts',
          `for await (const item of client.${row.sdk.property}.listAll()) console.log(item);`,
          '```',
        ],
        '  ',
      ) +
      `  listAll(${[...args.slice(0, -1), 'options?: ListAllOptions'].join(', ')}): AsyncGenerator<${method.resultType}, void, undefined> {\n` +
      `    return this.core.all('${method.operationId}', { ${input.join(', ')} }, options);\n` +
      `  }\n`;
  }
  return text;
}

/** The generated read-modify-write of a tag that has a get and a partial update of the same item. */
function renderModify(r: SdkModel['resources'][number]): string {
  if (!r.modify) return '';
  const { get, update } = r.modify;
  const args = get.row.pathParams.map((p, i) => `${p.name}: ${get.pathTypes[i] ?? 'never'}`);
  const path = `{ ${get.row.pathParams.map((p) => p.name).join(', ')} }`;
  const ids = get.row.pathParams.map(() => '1').join(', ');
  return (
    '\n' +
    doc(
      [
        `Reads, changes and writes back one item, safe against concurrent edits: \`${get.name}()\`, then your \`change\`, then \`${update.name}()\` with \`ifMatch\` set to the version read.`,
        '',
        `If someone else wrote in between (412), it reads again and calls \`change\` again on the fresh item, up to \`maxConflictRetries\` times (default 3), then rejects with \`PreconditionFailedError\`. \`change\` may return \`undefined\` to write nothing; it may run more than once, so keep it free of side effects.`,
        '',
        ...get.row.pathParams.map((p) => `@param ${p.name} - As for \`${get.name}()\`.`),
        `@param change - Gets the current item, returns the fields to change (or \`undefined\` for no write).`,
        '@param options - Per-call options for every request it makes, and `maxConflictRetries`.',
        `@returns The item as written, or as read when \`change\` returned \`undefined\`.`,
        '@example',
        '```ts',
        `const updated = await client.${r.property}.modify(${ids}, (current) => ({ ${update.exampleBody?.replace(/^\{ |\s\}$/g, '') ?? '/* … */'} }));`,
        '```',
      ],
      '  ',
    ) +
    `  modify(${[...args, `change: ModifyFn<${get.resultType}, ${update.bodyType ?? 'never'}>`, 'options?: ModifyOptions'].join(', ')}): Promise<${update.resultType}> {\n` +
    `    return this.core.modify('${get.operationId}', '${update.operationId}', ${path}, change, options);\n` +
    `  }\n`
  );
}

/** One class per tag (`resources/<tag>.ts`). */
export function renderResource(label: string, model: SdkModel, tag: string): string {
  const r = model.resources.find((x) => x.tag === tag);
  if (!r) throw new Error(`no resource ${tag}`);
  const models = new Set<string>();
  const params = new Set<string>();
  const helpers = new Set<string>();
  let paginated = false;
  let plain = false;
  for (const m of r.methods) {
    for (const x of m.models) models.add(x);
    if (m.paramsType) params.add(m.paramsType);
    if (m.row.pagination) paginated = true;
    else plain = true;
    for (const t of [...m.pathTypes, m.bodyType ?? '', m.resultType]) {
      for (const h of ['PathParams', 'RequestBody', 'ResponseBody']) if (t.includes(`${h}<`)) helpers.add(h);
    }
  }
  const runtime = [
    'Resource',
    'type RequestOptions',
    ...(plain ? ['type APIPromise'] : []),
    ...(paginated ? ['type PagePromise'] : []),
    ...(r.methods.some((m) => m.name === 'list' && m.row.pagination) ? ['type ListAllOptions'] : []),
    ...(r.modify ? ['type ModifyFn', 'type ModifyOptions'] : []),
  ];
  const imports = [
    `import { ${runtime.join(', ')} } from '../../http/resource.js';`,
    ...(helpers.size
      ? [`import type { ${[...helpers].sort().join(', ')} } from '../../http/api-types.js';`]
      : []),
    ...(models.size + params.size
      ? [`import type { ${[...models, ...params].sort().join(', ')} } from '../models.js';`]
      : []),
  ];
  const description = r.description ? sentence(r.description) : `The operations tagged \`${r.tag}\`.`;
  return (
    header(label) +
    imports.join('\n') +
    '\n\n' +
    doc([description, '', `One method per operation of the tag \`${r.tag}\`, as \`client.${r.property}\`.`]) +
    `export class ${r.className} extends Resource {\n` +
    r.methods.map(renderMethod).join('\n') +
    renderModify(r) +
    `}\n`
  );
}

/** The client's resources: one property per tag (`client.ts`). */
export function renderClientBase(label: string, model: SdkModel): string {
  const imports = model.resources
    .map((r) => `import { ${r.className} } from './resources/${r.property}.js';`)
    .join('\n');
  const props = model.resources
    .map(
      (r) =>
        doc([r.description ? sentence(r.description) : `The operations tagged \`${r.tag}\`.`], '  ') +
        `  readonly ${r.property}: ${r.className};\n`,
    )
    .join('');
  const init = model.resources.map((r) => `    this.${r.property} = new ${r.className}(core);\n`).join('');
  return (
    header(label) +
    `import type { Core } from '../http/resource.js';\n${imports}\n\n` +
    doc([
      'The resources of the API: one property per tag of the spec, each a class with one method per operation.',
      '`UserManagementClient` extends it.',
    ]) +
    `export abstract class ApiResources {\n${props}\n  /** @internal Created by UserManagementClient. */\n  protected constructor(core: Core) {\n${init}  }\n}\n`
  );
}

/** The public names of the generated surface (`index.ts`), re-exported by src/index.ts. */
export function renderIndex(label: string, model: SdkModel): string {
  const classes = model.resources.map(
    (r) => `export { ${r.className} } from './resources/${r.property}.js';`,
  );
  const types = [
    ...model.models.map((m) => m.name),
    ...model.pages.map((p) => p.name),
    ...model.params.map((p) => p.name),
  ];
  return (
    header(label) +
    `export { ApiResources } from './client.js';\n` +
    classes.join('\n') +
    `\nexport type {\n${types.map((t) => `  ${t},\n`).join('')}} from './models.js';\n`
  );
}

/** The SDK surface as `client.<tag>.<method>()` names, by operationId (for changesets and tests). */
export function sdkMethods(model: SdkModel): Map<string, string> {
  return new Map(
    Object.entries(model.operations).map(([id, row]) => [
      id,
      `client.${row.sdk.property}.${row.sdk.method}()`,
    ]),
  );
}
