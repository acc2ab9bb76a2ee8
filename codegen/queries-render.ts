// Renders src/generated/queries.ts, the body of `user-management-sdk/tanstack-query`: one interface per
// tag with a binding per operation (reads → queryOptions, paginated reads → infiniteQueryOptions,
// writes → mutationOptions with the cache plan of codegen/queries-model.ts), the mutation variables
// types, and createQueries(). Strings in, strings out.
import type { MethodModel, SdkModel } from './model.js';
import type { QueryOperation, WritePlan } from './queries-model.js';

const upperFirst = (s: string): string => s.charAt(0).toUpperCase() + s.slice(1);
const lit = (s: string): string => `'${s}'`;
const prop = (s: string): string => (/^[A-Za-z_$][\w$]*$/.test(s) ? s : JSON.stringify(s));

function doc(lines: readonly string[], indent = ''): string {
  const body = lines
    .flatMap((l) => l.split('\n'))
    .map((l) => (l ? `${indent} * ${l.replace(/\*\//g, '*\\/')}` : `${indent} *`));
  return `${indent}/**\n${body.join('\n')}\n${indent} */\n`;
}

/** The SDK method's arguments, as a labelled tuple and as the call's argument names. */
function args(m: MethodModel): { tuple: string[]; names: string[]; path: string } {
  const tuple = m.row.pathParams.map((p, i) => `${p.name}: ${m.pathTypes[i] ?? 'never'}`);
  const names = m.row.pathParams.map((p) => p.name);
  if (m.paramsType) {
    const required = m.row.queryParams.some((q) => q.required);
    tuple.push(`params${required ? '' : '?'}: ${m.paramsType}`);
    names.push('params');
  }
  return { tuple, names, path: `{ ${m.row.pathParams.map((p) => prop(p.name)).join(', ')} }` };
}

/** A path parameter's description, for the TSDoc of the key's fields. */
const describe = (m: MethodModel, name: string): string =>
  (
    m.op.parameters.find((x) => x.in === 'path' && x.name === name)?.description ??
    `The \`${name}\` path parameter.`
  ).replace(/\*\//g, '*\\/');

const pathFields = (m: MethodModel): string[] =>
  m.row.pathParams.map(
    (p, i) => `/** ${describe(m, p.name)} */ ${prop(p.name)}: ${m.pathTypes[i] ?? 'never'}`,
  );

/** `{ id: number; query?: ListGroupMembershipsParams }`, the params part of a read's key (documented inline). */
const keyParams = (m: MethodModel, query = m.paramsType): string => {
  const fields = [...pathFields(m), ...(query ? [`/** The query parameters. */ query?: ${query}`] : [])];
  return fields.length ? `{\n${fields.map((f) => `      ${f};\n`).join('')}    }` : '{}';
};

export const variablesName = (m: MethodModel): string => `${upperFirst(m.operationId)}Variables`;

function renderVariables(m: MethodModel): string {
  const fields: string[] = [];
  m.row.pathParams.forEach((p, i) => {
    const spec = m.op.parameters.find((x) => x.in === 'path' && x.name === p.name);
    fields.push(
      doc([spec?.description ?? `The \`${p.name}\` path parameter.`], '  ') +
        `  readonly ${prop(p.name)}: ${m.pathTypes[i] ?? 'never'};\n`,
    );
  });
  if (m.bodyType)
    fields.push(
      doc(['The request body.'], '  ') +
        `  readonly body${m.row.body?.required ? '' : '?'}: ${m.bodyType};\n`,
    );
  if (m.paramsType) {
    const required = m.row.queryParams.some((q) => q.required);
    fields.push(
      doc(['The query parameters.'], '  ') + `  readonly query${required ? '' : '?'}: ${m.paramsType};\n`,
    );
  }
  return (
    doc([
      `The variables of \`${m.row.sdk.property}.${m.name}.mutationOptions()\` (\`${m.row.method} ${m.row.path}\`): path parameters by name${m.bodyType ? ', `body`' : ''}${m.paramsType ? ', `query`' : ''}.`,
    ]) + `export interface ${variablesName(m)} {\n${fields.join('')}}\n\n`
  );
}

/** What a plan does, in words, for the binding's TSDoc. */
function describePlan(plan: WritePlan): string[] {
  const ref = (k: readonly [string, string]): string => `\`${k[0]}/${k[1]}\``;
  const out: string[] = [];
  if (plan.item) {
    const verb = { set: 'sets', remove: 'removes', invalidate: 'invalidates' }[plan.item.action];
    out.push(`${verb} ${ref(plan.item.key)}${plan.item.action === 'set' ? ' from the response' : ''}`);
  }
  if (plan.lists.length) out.push(`invalidates ${plan.lists.map((l) => ref(l.key)).join(', ')}`);
  if (plan.refs.length)
    out.push(
      `invalidates ${plan.refs.map((r) => `${ref(r.key)} of its \`${r.params[0]?.[1] ?? ''}\``).join(', ')}`,
    );
  return out.length ? [`On success it ${out.join('; ')}.`] : [];
}

function renderBindingType(q: QueryOperation): string {
  const m = q.method;
  const { tag } = m.row;
  const head = `\`client.${m.row.sdk.property}.${m.name}()\`: \`${m.row.method} ${m.row.path}\``;
  const t = `[${args(m).tuple.join(', ')}]`;
  if (q.kind === 'query')
    return (
      doc([`${head} as a query.`], '  ') +
      `  readonly ${m.name}: QueryBinding<${t}, ${m.resultType}, SdkQueryKey<${lit(tag)}, ${lit(m.operationId)}, ${keyParams(m)}>>;\n`
    );
  if (q.kind === 'infinite') {
    const page = m.row.pagination?.page.replace(/^_/, '') ?? 'page';
    const withoutPage = m.paramsType ? `Omit<${m.paramsType}, ${lit(page)}>` : undefined;
    const infTuple = `[${args(m)
      .tuple.map((a) =>
        a.startsWith('params') && withoutPage ? a.replace(m.paramsType ?? '', withoutPage) : a,
      )
      .join(', ')}]`;
    return (
      doc(
        [`${head} as a query for one page, and an infinite query over every page (by \`${page}\`).`],
        '  ',
      ) +
      `  readonly ${m.name}: InfiniteQueryBinding<\n    ${t},\n    ${infTuple},\n    ${m.resultType},\n` +
      `    SdkQueryKey<${lit(tag)}, ${lit(m.operationId)}, ${keyParams(m)}>,\n` +
      `    SdkInfiniteQueryKey<${lit(tag)}, ${lit(m.operationId)}, ${keyParams(m, withoutPage)}>\n  >;\n`
    );
  }
  return (
    doc([`${head} as a mutation.`, ...(q.plan ? ['', ...describePlan(q.plan)] : [])], '  ') +
    `  readonly ${m.name}: MutationBinding<${variablesName(m)}, ${m.resultType}, SdkMutationKey<${lit(tag)}, ${lit(m.operationId)}>>;\n`
  );
}

function renderBinding(q: QueryOperation): string {
  const m = q.method;
  const { tag, sdk } = m.row;
  const a = args(m);
  const call = `client.${sdk.property}.${m.name}`;
  const k = (fn: string, query: string | undefined): string =>
    `${fn}(${lit(tag)}, ${lit(m.operationId)}, ${a.path === '{  }' ? '{}' : a.path}${query ? `, ${query}` : ''})`;
  if (q.kind === 'query')
    return (
      `      ${m.name}: read(\n        (${a.tuple.join(', ')}) => ${k('key', m.paramsType ? 'params' : undefined)},\n` +
      `        (signal, ${a.names.join(', ')}) => ${call}(${[...a.names, '{ signal }'].join(', ')}),\n` +
      (q.versioned ? `        { versioned: true },\n` : '') +
      `      ),\n`
    );
  if (q.kind === 'infinite') {
    const page = m.row.pagination?.page.replace(/^_/, '') ?? 'page';
    const query = m.paramsType ? 'params' : undefined;
    const infTuple = a.tuple.map((x) =>
      x.startsWith('params') && m.paramsType
        ? x.replace(m.paramsType, `Omit<${m.paramsType}, ${lit(page)}>`)
        : x,
    );
    const pathNames = m.row.pathParams.map((p) => p.name);
    return (
      `      ${m.name}: paged(\n` +
      `        (${a.tuple.join(', ')}) => ${k('key', query)},\n` +
      `        (signal, ${a.names.join(', ')}) => ${call}(${[...a.names, '{ signal }'].join(', ')}),\n` +
      `        (${infTuple.join(', ')}) => ${k('infiniteKey', query ? `withoutPage(params, ${lit(page)})` : 'undefined')},\n` +
      `        (signal, page, ${a.names.join(', ')}) =>\n          ${call}(${[...pathNames, `{ ...${query ? 'params' : '{}'}, ${page === 'page' ? 'page' : `${prop(page)}: page`} }`, '{ signal }'].join(', ')}),\n      ),\n`
    );
  }
  const v = [
    ...m.row.pathParams.map((p) => `v.${p.name}`),
    ...(m.bodyType ? ['v.body'] : []),
    ...(m.paramsType ? ['v.query'] : []),
  ];
  const plan = JSON.stringify(q.plan ?? {}).replace(/"(\w+)":/g, '$1:');
  return (
    `      ${m.name}: write(\n        queryClient,\n        ${lit(tag)},\n        ${lit(m.operationId)},\n        ${plan},\n` +
    `        (v: ${variablesName(m)}) => ${call}(${v.join(', ')}),\n      ),\n`
  );
}

/** src/generated/queries.ts. */
export function renderQueries(header: string, model: SdkModel, ops: readonly QueryOperation[]): string {
  const byTag = model.resources.map((r) => ({
    r,
    ops: ops.filter((q) => q.method.row.tag === r.tag),
  }));
  const types = new Set<string>();
  for (const q of ops) {
    for (const t of q.method.models) types.add(t);
    if (q.method.paramsType) types.add(q.method.paramsType);
  }
  const kinds = new Set(ops.map((q) => q.kind));
  const runtime = [
    'key',
    ...(kinds.has('infinite') ? ['infiniteKey', 'paged', 'withoutPage'] : []),
    ...(kinds.has('query') ? ['read'] : []),
    ...(kinds.has('mutation') ? ['write'] : []),
  ];
  const bindingTypes = [
    ...(kinds.has('infinite') ? ['InfiniteQueryBinding', 'SdkInfiniteQueryKey'] : []),
    ...(kinds.has('mutation') ? ['MutationBinding', 'SdkMutationKey'] : []),
    'QueryBinding',
    'SdkQueryKey',
  ].sort();
  const out: string[] = [header];
  out.push(
    `import type { QueryClient } from '@tanstack/query-core';\n` +
      `import { ${runtime.sort().join(', ')} } from '../tanstack-query/bindings.js';\n` +
      `import type { ${bindingTypes.join(', ')} } from '../tanstack-query/types.js';\n` +
      // The SDK's types by the package's own name: the subpath's declarations then refer to the main
      // entry's instead of bundling a copy (tsup keeps `user-management-sdk` external).
      `import type { ${['ApiResources', ...types].sort().join(', ')} } from 'user-management-sdk';\n\n`,
  );
  for (const q of ops) if (q.kind === 'mutation') out.push(renderVariables(q.method));
  for (const { r, ops: tagOps } of byTag) {
    out.push(
      doc([
        `TanStack Query bindings of \`client.${r.property}\`${r.description ? ` (${r.description.trim().replace(/\.$/, '')})` : ''}: one per operation of the tag \`${r.tag}\`.`,
      ]),
    );
    out.push(`export interface ${r.className}Queries {\n${tagOps.map(renderBindingType).join('')}}\n\n`);
  }
  out.push(
    doc(['What {@link createQueries} returns: one property per tag of the spec, as on the client.']) +
      `export interface Queries {\n${byTag
        .map(
          ({ r }) =>
            doc([`The bindings of \`client.${r.property}\`.`], '  ') +
            `  readonly ${r.property}: ${r.className}Queries;\n`,
        )
        .join('')}}\n\n`,
  );
  const first = byTag[0]?.r.property ?? 'users';
  out.push(
    doc([
      'TanStack Query bindings for a client: per tag and operation, `queryOptions(...)` for reads,',
      '`infiniteQueryOptions(...)` for paginated reads, `mutationOptions()` for writes, and `queryKey(...)`.',
      'They are plain options objects, so they work with every TanStack Query adapter (React, Vue, Svelte,',
      "Solid, Angular). TanStack's retry is off in them (the SDK retries, within its deadline), the query's",
      "`signal` reaches the request, and errors are the SDK's typed errors.",
      '',
      "A successful write updates the cache as the spec implies: the resource's cached read is set from the",
      'response (removed after a delete), and the lists of its tag, the lists holding it and the resources it',
      "points at (a membership's user and group) are invalidated.",
      '',
      '@param client - The client the queries call.',
      '@param queryClient - The QueryClient whose cache the mutations update.',
      '@example',
      '```ts',
      'const api = createQueries(client, queryClient);',
      `useQuery(api.${first}.get.queryOptions(1));`,
      `useInfiniteQuery(api.${first}.list.infiniteQueryOptions({ limit: 20 }));`,
      `useMutation(api.${first}.update.mutationOptions());`,
      '```',
    ]),
  );
  out.push(
    `export function createQueries(client: ApiResources, queryClient: QueryClient): Queries {\n  return {\n`,
  );
  for (const { r, ops: tagOps } of byTag)
    out.push(`    ${r.property}: {\n${tagOps.map(renderBinding).join('')}    },\n`);
  out.push(`  };\n}\n`);
  return out.join('');
}
