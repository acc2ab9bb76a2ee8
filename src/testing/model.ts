// The one door from the mock to the generated spec model, and what the mock derives from it: for each
// operation, which json-server action it is (list, create, read, replace, merge, remove) on which
// collection, with which foreign key from an enclosing path (`/groups/{id}/memberships` → `groupId`,
// as json-server's nested routes do). Nothing here names an operation: a new one in the spec is mocked too.
import { specModel } from '../generated/spec-model.js';

// The spec's operationIds, for MockApi.fail() (a union, so a typo fails to compile).
export type { SpecOperationId as MockOperationId } from '../generated/spec-model.js';

/** A JSON Schema as the spec writes it (OpenAPI 3.0 dialect, `$ref`s into `#/components/schemas`). */
export type JsonSchema = Readonly<Record<string, unknown>>;

/** One path or query parameter of an operation. */
export interface ParameterModel {
  readonly name: string;
  readonly in: string;
  readonly required: boolean;
  readonly schema: JsonSchema;
}

/** What the generated model says about one operation. */
export interface OperationModel {
  readonly method: string;
  readonly path: string;
  readonly tag: string;
  readonly parameters: readonly ParameterModel[];
  readonly requestBody?: { readonly required: boolean; readonly schema: JsonSchema };
  readonly success: {
    readonly status: number;
    readonly schema?: JsonSchema;
    readonly examples: readonly unknown[];
  };
  readonly errorStatuses: readonly number[];
  /** Conditional requests: whether the success sends an `ETag`, and which precondition headers it takes. */
  readonly conditional: { readonly etag: boolean; readonly ifMatch: boolean; readonly ifNoneMatch: boolean };
}

/** The generated model: operations by operationId, and components.schemas. */
export interface SpecModel {
  readonly operations: Readonly<Record<string, OperationModel>>;
  readonly schemas: Readonly<Record<string, JsonSchema>>;
}

/** The spec this package was generated from. */
export const SPEC: SpecModel = specModel;

/** The json-server action an operation performs. `example` answers the spec's example (any other shape). */
export type Action = 'list' | 'create' | 'read' | 'replace' | 'merge' | 'remove' | 'example';

/** A path parameter that selects the records of an enclosing resource: `/groups/{id}/…` → `groupId`. */
export interface ParentKey {
  /** The path parameter's name. */
  readonly param: string;
  /** The field of the nested records that holds it. */
  readonly field: string;
  /** The enclosing collection, to answer 404 when its record does not exist. */
  readonly collection: string;
}

/** An operation as the mock runs it. */
export interface Route {
  readonly operationId: string;
  readonly op: OperationModel;
  readonly action: Action;
  /** The collection (the last literal path segment, as json-server's db.json names it). */
  readonly collection: string;
  readonly parents: readonly ParentKey[];
  /** For item routes: the path parameter naming the record, and the field it matches. */
  readonly key?: { readonly param: string; readonly field: string };
  /** Whether a created record gets a server-assigned `id` (its schema has one, or says nothing). */
  readonly assignsId: boolean;
}

/** `memberships` → `membership`, as json-server (pluralize) names foreign keys. */
export function singular(name: string): string {
  if (name.endsWith('ies')) return `${name.slice(0, -3)}y`;
  if (/(ss|x|ch|sh)es$/.test(name)) return name.slice(0, -2);
  if (name.endsWith('s') && !name.endsWith('ss')) return name.slice(0, -1);
  return name;
}

const PARAM = /^\{(.+)\}$/;

/** Whether a schema (or what it refers to, its items, its allOf parts) declares a property. */
function declares(schema: unknown, property: string, spec: SpecModel): boolean {
  if (!schema || typeof schema !== 'object') return false;
  const s = schema as JsonSchema;
  if (typeof s.$ref === 'string')
    return declares(spec.schemas[s.$ref.split('/').pop() ?? ''], property, spec);
  const props = s.properties;
  if (props && typeof props === 'object' && property in props) return true;
  if (declares(s.items, property, spec)) return true;
  return Array.isArray(s.allOf) && s.allOf.some((part) => declares(part, property, spec));
}

/** The last literal segment of a path: the collection its records live in. */
function collectionOf(path: string): string {
  return (
    path
      .split('/')
      .filter((seg) => seg && !PARAM.test(seg))
      .pop() ?? ''
  );
}

/** Whether the records of a collection have a property, judged by every operation on it. */
function recordsDeclare(collection: string, property: string, spec: SpecModel): boolean {
  return Object.values(spec.operations).some(
    (op) =>
      collectionOf(op.path) === collection &&
      (declares(op.success.schema, property, spec) || declares(op.requestBody?.schema, property, spec)),
  );
}

/** Derives the route of one operation from its method and the shape of its path. */
export function routeOf(operationId: string, op: OperationModel, spec: SpecModel = SPEC): Route {
  const segments = op.path.split('/').filter(Boolean);
  const parents: ParentKey[] = [];
  let collection = '';
  let key: Route['key'];
  for (const [i, segment] of segments.entries()) {
    const param = PARAM.exec(segment)?.[1];
    if (param === undefined) {
      collection = segment;
      continue;
    }
    if (i === segments.length - 1) {
      // The record's own key: `id`, or a field of the record (`/memberships/{userId}`).
      const field = param !== 'id' && recordsDeclare(collection, param, spec) ? param : 'id';
      key = { param, field };
    } else {
      parents.push({ param, field: param === 'id' ? `${singular(collection)}Id` : param, collection });
    }
  }
  return {
    operationId,
    op,
    action: actionOf(op.method, key !== undefined),
    collection,
    parents,
    ...(key ? { key } : {}),
    assignsId: op.success.schema === undefined || recordsDeclare(collection, 'id', spec),
  };
}

function actionOf(method: string, isItem: boolean): Action {
  switch (`${method} ${isItem ? 'item' : 'collection'}`) {
    case 'GET collection':
      return 'list';
    case 'POST collection':
      return 'create';
    case 'GET item':
      return 'read';
    case 'PUT item':
      return 'replace';
    case 'PATCH item':
      return 'merge';
    case 'DELETE item':
      return 'remove';
    default:
      return 'example';
  }
}

/** Every operation of the spec as a route. */
export function routesOf(spec: SpecModel = SPEC): Route[] {
  return Object.entries(spec.operations).map(([id, op]) => routeOf(id, op, spec));
}

/**
 * The records the spec's examples describe, per collection: the examples of every `read` and `list`
 * operation, merged by id (the list example's short users and the get example's full user 1 make one).
 */
export function seedFromExamples(routes: readonly Route[]): Record<string, Record<string, unknown>[]> {
  const db: Record<string, Record<string, unknown>[]> = {};
  for (const route of routes) {
    if (route.action !== 'list' && route.action !== 'read') continue;
    const records = route.op.success.examples.flatMap((e) => (Array.isArray(e) ? (e as unknown[]) : [e]));
    const table = (db[route.collection] ??= []);
    for (const record of records) {
      if (!record || typeof record !== 'object') continue;
      const rec = record as Record<string, unknown>;
      const same = rec.id === undefined ? undefined : table.find((r) => r.id === rec.id);
      if (same) Object.assign(same, structuredClone(rec));
      else table.push(structuredClone(rec));
    }
  }
  for (const table of Object.values(db)) table.sort((a, b) => Number(a.id) - Number(b.id));
  return db;
}
