// Renders the generated TypeScript files from the SDK model: the operation table, the models, one class
// per tag and the client's resource base. Strings in, strings out: no I/O here.
import type { MethodModel, SdkModel } from './model.js';
import { doc, exampleArgs, exampleLines, rowName, sentence, signatureOf } from './signature.js';

/** The "do not edit" header every generated file starts with. */
export function header(specLabel: string): string {
  return `// generated from ${specLabel} by \`npm run generate\` — do not edit.\n// Change the spec and regenerate instead.\n\n`;
}

/**
 * The operation table (`operations.ts`): one exported row per operation (`getUserOperation`), which the
 * standalone functions import one by one (a bundler drops the rows nobody calls), and the table of them
 * all by operationId, which `client.raw` reads to recognise an operation by its method and path.
 */
export function renderOperations(label: string, model: SdkModel): string {
  const json = (value: unknown): string => JSON.stringify(value, null, 2).replace(/"(\w+)":/g, '$1:');
  const rows = Object.entries(model.operations).map(
    ([id, row]) =>
      `/** \`${row.method} ${row.path}\`: what the runtime needs to send, validate and retry operation \`${id}\`. */\n` +
      `export const ${rowName(id)} = ${json(row)} as const satisfies OperationRow;\n`,
  );
  return (
    header(label) +
    `import type { OperationRow } from '../http/operation-table.js';\n\n` +
    rows.join('\n') +
    `\n/** One entry per operation of the spec, keyed by operationId: what the runtime needs to send, validate and retry it. */\n` +
    `export const operations = {\n${Object.keys(model.operations)
      .map((id) => `  ${id}: ${rowName(id)},\n`)
      .join('')}} as const satisfies Readonly<Record<string, OperationRow>>;\n\n` +
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

function renderMethod(method: MethodModel): string {
  const { row } = method;
  const sig = signatureOf(method);
  const call = `client.${row.sdk.property}.${method.name}(${exampleArgs(method)})`;
  const lines = [
    ...sig.description,
    '',
    ...sig.params,
    sig.returns,
    '@example',
    '```ts',
    ...exampleLines(method, call),
    '```',
  ];
  let text =
    doc(lines, '  ') +
    `  ${method.name}(${sig.args.join(', ')}): ${sig.returnType} {\n` +
    `    return ${sig.paginated ? 'pageOperation' : 'callOperation'}(this.core, '${method.operationId}', ${rowName(method.operationId)}, ${sig.input}, options);\n` +
    `  }\n`;
  if (sig.paginated && method.name === 'list') {
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
      `  listAll(${[...sig.args.slice(0, -1), 'options?: ListAllOptions'].join(', ')}): AsyncGenerator<${method.resultType}, void, undefined> {\n` +
      `    return allItems(this.core, '${method.operationId}', ${rowName(method.operationId)}, ${sig.input}, options);\n` +
      `  }\n`;
  }
  return text;
}

/** The generated read-modify-write of a tag that has a get and a partial update of the same item. */
function renderModify(r: SdkModel['resources'][number]): string {
  if (!r.modify) return '';
  const { get, update } = r.modify;
  const args = get.row.pathParams.map((p, i) => `${p.name}: ${get.pathTypes[i] ?? 'never'}`);
  const names = get.row.pathParams.map((p) => p.name);
  const path = `{ ${names.join(', ')} }`;
  const what = `client.${r.property}.modify(${names.map((n) => `\${String(${n})}`).join(', ')})`;
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
    `    return modifyItem(\n` +
    `      (o) => callOperation(this.core, '${get.operationId}', ${rowName(get.operationId)}, { path: ${path} }, o),\n` +
    `      (patch, o) => callOperation(this.core, '${update.operationId}', ${rowName(update.operationId)}, { path: ${path}, body: patch }, o),\n` +
    `      change,\n      options,\n      \`${what}\`,\n    );\n` +
    `  }\n`
  );
}

/** The type imports a file with these methods needs: the api-types helpers and the models. */
export function typeImports(methods: readonly MethodModel[], up: string): string[] {
  const models = new Set<string>();
  const helpers = new Set<string>();
  for (const m of methods) {
    for (const x of m.models) models.add(x);
    if (m.paramsType) models.add(m.paramsType);
    for (const t of [...m.pathTypes, m.bodyType ?? '', m.resultType]) {
      for (const h of ['PathParams', 'RequestBody', 'ResponseBody']) if (t.includes(`${h}<`)) helpers.add(h);
    }
  }
  return [
    ...(helpers.size
      ? [`import type { ${[...helpers].sort().join(', ')} } from '${up}../http/api-types.js';`]
      : []),
    ...(models.size ? [`import type { ${[...models].sort().join(', ')} } from '${up}models.js';`] : []),
  ];
}

/**
 * One class per tag (`resources/<tag>.ts`). Each method makes the call its standalone function makes (the
 * same operation row, input and entry point, from the same signature.ts), rather than calling the function:
 * one frame less, and 0.1 kB less in a browser bundle of the client, which then holds no function at all.
 */
export function renderResource(label: string, model: SdkModel, tag: string): string {
  const r = model.resources.find((x) => x.tag === tag);
  if (!r) throw new Error(`no resource ${tag}`);
  const list = r.methods.find((m) => m.name === 'list' && m.row.pagination);
  const runtime = [
    'Resource',
    'type RequestOptions',
    ...(r.methods.some((m) => !m.row.pagination) || r.modify ? ['callOperation', 'type APIPromise'] : []),
    ...(r.methods.some((m) => m.row.pagination) ? ['pageOperation', 'type PagePromise'] : []),
    ...(list ? ['allItems', 'type ListAllOptions'] : []),
    ...(r.modify ? ['modifyItem', 'type ModifyFn', 'type ModifyOptions'] : []),
  ];
  const imports = [
    `import { ${runtime.join(', ')} } from '../../core/resource.js';`,
    `import { ${r.methods.map((m) => rowName(m.operationId)).join(', ')} } from '../operations.js';`,
    ...typeImports(r.methods, '../'),
  ];
  const description = r.description ? sentence(r.description) : `The operations tagged \`${r.tag}\`.`;
  return (
    header(label) +
    imports.join('\n') +
    '\n\n' +
    doc([
      description,
      '',
      `One method per operation of the tag \`${r.tag}\`, as \`client.${r.property}\`; each makes the same call as its standalone function in user-management-sdk/funcs.`,
    ]) +
    `export class ${r.className} extends Resource {\n` +
    r.methods.map(renderMethod).join('\n') +
    renderModify(r) +
    `}\n`
  );
}

/** The client's resources on top of the core: one property per tag (`client.ts`). */
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
  const init = model.resources.map((r) => `    this.${r.property} = new ${r.className}(this);\n`).join('');
  return (
    header(label) +
    `import { UserManagementCore, type ClientOptions } from '../core/resource.js';\n${imports}\n\n` +
    doc([
      'The resources of the API: one property per tag of the spec, each a class with one method per operation.',
      '`UserManagementClient` extends it; it extends {@link UserManagementCore}, so a client can be passed to the standalone functions.',
    ]) +
    `export abstract class ApiResources extends UserManagementCore {\n${props}\n  /** @internal Created by UserManagementClient. */\n  protected constructor(options?: ClientOptions) {\n    super(options);\n${init}  }\n}\n`
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
