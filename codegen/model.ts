// What the generator derives from the spec, before any file is written: the operation table the runtime
// reads (method, path, idempotency, success statuses, parameter schemas for validation, pagination) and
// the SDK surface (one class per tag, one method per operation, argument order, TypeScript types).
import type { OperationRow, ParamDef } from '../src/http/operation-table.js';
import { nameOperations, queryName } from './naming.js';
import {
  arr,
  isObject,
  obj,
  refName,
  resolveRef,
  SpecError,
  str,
  walkOperations,
  type Json,
  type OpenApiDocument,
  type SpecOperation,
  type SpecParameter,
} from './spec.js';

// The operation table's row and parameter types are the runtime's own (src/http/operation-table.ts): the
// generator writes what the runtime reads, by one definition.
export type { OperationRow, ParamDef } from '../src/http/operation-table.js';

/** One generated method. */
export interface MethodModel {
  readonly operationId: string;
  readonly name: string;
  readonly op: SpecOperation;
  readonly row: OperationRow;
  /** The TypeScript type of each path parameter, in path order. */
  readonly pathTypes: readonly string[];
  /** The body's TypeScript type, when there is a body. */
  readonly bodyType: string | undefined;
  /** The name of the generated query-parameter interface, when there are query parameters. */
  readonly paramsType: string | undefined;
  /** The result type: a model name, `void`, or `ResponseBody<'op'>`. For paginated methods, the item type. */
  readonly resultType: string;
  /** Model names this method's signature uses. */
  readonly models: readonly string[];
  /** The TypeScript type of each query parameter by spec name, when a simple one can be written. */
  readonly queryTypes: Readonly<Record<string, string | undefined>>;
  /** The request body's example from the spec, as a JavaScript literal, for the method's `@example`. */
  readonly exampleBody: string | undefined;
}

/** One generated class. */
export interface ResourceModel {
  readonly tag: string;
  readonly property: string;
  readonly className: string;
  readonly description: string | undefined;
  readonly methods: readonly MethodModel[];
  /**
   * The read and the partial update of one item, when the tag has both (`GET` and `PATCH` on the same
   * path, with path parameters and a JSON body): they make the generated `modify()`.
   */
  readonly modify: { readonly get: MethodModel; readonly update: MethodModel } | undefined;
}

/** A named schema of `components.schemas`. */
export interface ModelDef {
  readonly name: string;
  readonly description: string | undefined;
  /** An object schema becomes an interface; anything else a type alias. */
  readonly isObject: boolean;
  /** The alias's TypeScript type when a simple one can be written (`'member' | 'admin'`). */
  readonly type: string | undefined;
}

/** Everything the generator writes, derived from one spec. */
export interface SdkModel {
  readonly operations: Readonly<Record<string, OperationRow>>;
  readonly resources: readonly ResourceModel[];
  readonly models: readonly ModelDef[];
  /** Query-parameter interfaces: name → the method and its parameters. */
  readonly params: readonly { readonly name: string; readonly method: MethodModel }[];
  /** Page types of paginated methods: `UserPage` → `User`. */
  readonly pages: readonly { readonly name: string; readonly item: string }[];
}

const pascal = (s: string): string => s.charAt(0).toUpperCase() + s.slice(1);
const num = (node: Json | undefined, key: string): number | undefined => {
  const v = isObject(node) ? node[key] : undefined;
  return typeof v === 'number' ? v : undefined;
};

function paramDef(doc: OpenApiDocument, p: SpecParameter): ParamDef {
  const schema = resolveRef(doc, p.schema);
  const values = arr(schema, 'enum').filter(
    (v): v is string | number => typeof v === 'string' || typeof v === 'number',
  );
  const dflt = isObject(schema) ? schema.default : undefined;
  const minimum = num(schema, 'minimum');
  const maximum = num(schema, 'maximum');
  return {
    name: p.name,
    sdkName: p.in === 'query' ? queryName(p.name) : p.name,
    required: p.required,
    type: str(schema, 'type'),
    ...(minimum !== undefined ? { minimum } : {}),
    ...(maximum !== undefined ? { maximum } : {}),
    ...(values.length ? { enum: values } : {}),
    ...(typeof dflt === 'string' || typeof dflt === 'number' || typeof dflt === 'boolean'
      ? { default: dflt }
      : {}),
  };
}

/** The TypeScript type of a schema, for the simple shapes parameters and bodies use; undefined otherwise. */
export function tsType(doc: OpenApiDocument, schema: Json | undefined): string | undefined {
  const name = refName(schema);
  if (name !== undefined) {
    if (str(schema, '$ref')?.startsWith('#/components/schemas/')) return name;
    return tsType(doc, resolveRef(doc, schema));
  }
  if (!isObject(schema)) return undefined;
  const values = arr(schema, 'enum');
  if (values.length) return values.map((v) => JSON.stringify(v)).join(' | ');
  const nullable = schema.nullable === true ? ' | null' : '';
  switch (str(schema, 'type')) {
    case 'integer':
    case 'number':
      return `number${nullable}`;
    case 'string':
      return `string${nullable}`;
    case 'boolean':
      return `boolean${nullable}`;
    case 'array': {
      const item = tsType(doc, schema.items);
      return item === undefined ? undefined : `${item.includes(' ') ? `(${item})` : item}[]${nullable}`;
    }
    default:
      return undefined;
  }
}

const isEmptyObject = (doc: OpenApiDocument, schema: Json | undefined): boolean => {
  const s = resolveRef(doc, schema);
  return num(s, 'maxProperties') === 0;
};

function jsonContent(doc: OpenApiDocument, node: Json | undefined): Json | undefined {
  const content = obj(resolveRef(doc, node), 'content');
  const json = content?.['application/json'];
  return isObject(json) ? json.schema : undefined;
}

/** The first example of a JSON request body (`example`, or the first of `examples`), as a JS literal. */
function exampleOf(doc: OpenApiDocument, requestBody: Json | undefined): string | undefined {
  const media = obj(obj(requestBody, 'content'), 'application/json');
  if (!media) return undefined;
  let value: Json | undefined = media.example;
  if (value === undefined) {
    const first = Object.values(obj(media, 'examples') ?? {})[0];
    const resolved = resolveRef(doc, first);
    value = isObject(resolved) ? resolved.value : undefined;
  }
  if (value === undefined) return undefined;
  // One line, keys unquoted: `{ name: "Ada", email: "ada@example.com" }`.
  return JSON.stringify(value, null, 1)
    .replace(/\n\s*/g, ' ')
    .replace(/"([A-Za-z_$][\w$]*)": /g, '$1: ');
}

const hasHeader = (op: SpecOperation, name: string): boolean =>
  op.parameters.some((p) => p.in === 'header' && p.name.toLowerCase() === name);

const PAGE_NAMES = ['_page', 'page'];
const LIMIT_NAMES = ['_limit', 'limit', 'per_page', 'pageSize'];

/** Derives the operation table and the SDK surface from a spec. */
export function buildModel(doc: OpenApiDocument): SdkModel {
  const ops = walkOperations(doc);
  const names = nameOperations(ops);
  const operations: Record<string, OperationRow> = {};
  const byTag = new Map<
    string,
    ResourceModel & { methods: MethodModel[]; modify: ResourceModel['modify'] }
  >();
  const params: { name: string; method: MethodModel }[] = [];
  const pages = new Map<string, string>();
  const tagDescriptions = new Map<string, string | undefined>(
    arr(doc, 'tags').flatMap((t) => {
      const name = str(t, 'name');
      return name === undefined ? [] : [[name, str(t, 'description')] as const];
    }),
  );

  for (const op of ops) {
    const naming = names.get(op.operationId);
    if (!naming) throw new SpecError(`No name for ${op.operationId}`);
    const responses = obj(op.node, 'responses') ?? {};
    const successStatuses = Object.keys(responses)
      .filter((s) => /^2\d\d$/.test(s))
      .map(Number)
      .sort((a, b) => a - b);
    const first = successStatuses[0];
    if (first === undefined) throw new SpecError(`${op.operationId} declares no 2xx response`);
    const success = responses[String(first)];
    const successSchema = jsonContent(doc, success);
    const returnsData = successStatuses.some((s) => {
      const schema = jsonContent(doc, responses[String(s)]);
      return schema !== undefined && !isEmptyObject(doc, schema);
    });

    const pathOrder = [...op.path.matchAll(/\{([^}]+)\}/g)].map((m) => m[1] ?? '');
    const pathParams = pathOrder.map((name) => {
      const p = op.parameters.find((x) => x.in === 'path' && x.name === name);
      if (!p) throw new SpecError(`${op.operationId}: the path parameter {${name}} is not declared.`);
      return p;
    });
    const queryParams = op.parameters.filter((p) => p.in === 'query');
    const sdkNames = new Map<string, string>();
    for (const q of queryParams) {
      const clash = sdkNames.get(queryName(q.name));
      if (clash !== undefined)
        throw new SpecError(
          `${op.operationId}: the query parameters ${clash} and ${q.name} both become "${queryName(q.name)}".`,
        );
      sdkNames.set(queryName(q.name), q.name);
    }

    const requestBody = resolveRef(doc, op.node.requestBody);
    const bodySchema = requestBody === undefined ? undefined : jsonContent(doc, requestBody);
    const bodyResolved = resolveRef(doc, bodySchema);
    const body =
      bodySchema === undefined
        ? null
        : {
            required: isObject(requestBody) && requestBody.required === true,
            object: str(bodyResolved, 'type') === 'object' || obj(bodyResolved, 'properties') !== undefined,
          };

    // Pagination: an x-pagination extension naming the parameters, or page + limit parameters and a
    // response that says how far the list goes (Link or X-Total-Count), over an array of items.
    const ext = op.node['x-pagination'];
    const headers = Object.keys(obj(resolveRef(doc, success), 'headers') ?? {}).map((h) => h.toLowerCase());
    const pageParam = str(ext, 'page') ?? queryParams.find((q) => PAGE_NAMES.includes(q.name))?.name;
    const limitParam = str(ext, 'limit') ?? queryParams.find((q) => LIMIT_NAMES.includes(q.name))?.name;
    const itemsSchema =
      str(resolveRef(doc, successSchema), 'type') === 'array'
        ? obj(resolveRef(doc, successSchema), 'items')
        : undefined;
    const paginated =
      pageParam !== undefined &&
      limitParam !== undefined &&
      itemsSchema !== undefined &&
      (ext === true || isObject(ext) || headers.includes('link') || headers.includes('x-total-count'));

    const row: OperationRow = {
      method: op.method.toUpperCase(),
      path: op.path,
      tag: op.tag,
      acceptsIdempotencyKey: hasHeader(op, 'idempotency-key'),
      acceptsIfMatch: hasHeader(op, 'if-match'),
      acceptsIfNoneMatch: hasHeader(op, 'if-none-match'),
      successStatus: first,
      successStatuses,
      pathParams: pathParams.map((p) => paramDef(doc, p)),
      queryParams: queryParams.map((p) => paramDef(doc, p)),
      body,
      returnsData,
      pagination: paginated ? { page: pageParam, limit: limitParam } : null,
      sdk: { property: naming.property, method: naming.method },
    };
    operations[op.operationId] = row;

    const models = new Set<string>();
    const use = (t: string | undefined): string | undefined => {
      for (const m of t?.match(/\b[A-Z][A-Za-z0-9_]*\b/g) ?? []) models.add(m);
      return t;
    };
    const id = op.operationId;
    const pathTypes = pathParams.map((p) => use(tsType(doc, p.schema)) ?? `PathParams<'${id}'>['${p.name}']`);
    const bodyType =
      bodySchema === undefined ? undefined : (use(tsType(doc, bodySchema)) ?? `RequestBody<'${id}'>`);
    let resultType: string;
    if (paginated) {
      resultType = use(tsType(doc, itemsSchema)) ?? `ResponseBody<'${id}'>[number]`;
      const item = refName(itemsSchema);
      if (item !== undefined) pages.set(`${item}Page`, item);
    } else if (!returnsData) resultType = 'void';
    else
      resultType =
        (refName(successSchema) !== undefined ? use(tsType(doc, successSchema)) : undefined) ??
        `ResponseBody<'${id}'>`;

    const queryTypes = Object.fromEntries(queryParams.map((q) => [q.name, tsType(doc, q.schema)]));
    const method: MethodModel = {
      queryTypes,
      exampleBody: exampleOf(doc, requestBody),
      operationId: id,
      name: naming.method,
      op,
      row,
      pathTypes,
      bodyType,
      paramsType: queryParams.length ? `${pascal(id)}Params` : undefined,
      resultType,
      models: [...models],
    };
    if (method.paramsType) {
      for (const q of queryParams) use(tsType(doc, q.schema));
      params.push({ name: method.paramsType, method });
    }
    let resource = byTag.get(op.tag);
    if (!resource) {
      resource = {
        tag: op.tag,
        property: naming.property,
        className: naming.className,
        description: tagDescriptions.get(op.tag),
        methods: [],
        modify: undefined,
      };
      byTag.set(op.tag, resource);
    }
    resource.methods.push(method);
  }

  // A paginated `list` also gets `listAll` (an async generator over every item), as 0.1's users.listAll.
  for (const r of byTag.values()) {
    const list = r.methods.find((m) => m.name === 'list' && m.row.pagination);
    const clash = r.methods.find((m) => m.name === 'listAll');
    if (list && clash)
      throw new SpecError(
        `${clash.operationId} and the listAll of ${list.operationId} both become client.${r.property}.listAll(); give ${clash.operationId} an x-sdk-method.`,
      );
  }

  // read-modify-write: found from the table (same path, GET that returns the item, PATCH with a body), not
  // from method names.
  for (const r of byTag.values()) {
    for (const update of r.methods) {
      const u = update.row;
      if (u.method !== 'PATCH' || !u.pathParams.length || !u.body || !u.acceptsIfMatch) continue;
      const get = r.methods.find(
        (m) => m.row.method === 'GET' && m.row.path === u.path && m.row.returnsData && !m.row.pagination,
      );
      if (!get) continue;
      const clash = r.methods.find((m) => m.name === 'modify');
      if (clash)
        throw new SpecError(
          `${clash.operationId} and the modify() of ${update.operationId} both become client.${r.property}.modify(); give ${clash.operationId} an x-sdk-method.`,
        );
      r.modify = { get, update };
      break;
    }
  }

  const models = Object.entries(obj(obj(doc, 'components'), 'schemas') ?? {}).map(([name, schema]) => ({
    name,
    description: str(schema, 'description'),
    type: tsType(doc, schema),
    isObject:
      str(schema, 'type') === 'object' ||
      obj(schema, 'properties') !== undefined ||
      arr(schema, 'allOf').length > 0,
  }));
  return {
    operations: Object.fromEntries(Object.entries(operations).sort(([a], [b]) => a.localeCompare(b))),
    resources: [...byTag.values()],
    models,
    params,
    pages: [...pages].map(([name, item]) => ({ name, item })),
  };
}
