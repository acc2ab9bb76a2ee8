// What `user-management-sdk/tanstack-query` derives from the spec: which operations are reads (queries),
// paginated reads (infinite queries) and writes (mutations), and for every write which cached queries it
// changes. Nothing here names an operation; the rules are json-server's REST conventions, the same the
// mock in src/testing/ follows:
// - a path's collection is its last literal segment (`/groups/{id}/memberships` → `memberships`);
// - a write's resource is the schema it returns, else the one its path's GET (or its collection's list) returns;
// - the resource's own read (`GET` on the write's path, or on `<path>/{id}` for a create) is updated from
//   the response when the write returns the resource, removed on `DELETE`, invalidated otherwise;
// - every list of the write's tag, and every list of the resource's schema, is invalidated — scoped to one
//   parent when the list's path names a parent the resource points at (`/groups/{id}/memberships` and a
//   membership's `groupId`);
// - a field `<singular>Id` of the resource pointing at another collection's item read (`userId` →
//   `GET /users/{id}`) invalidates that item: a membership changes its user and its group;
// - a delete removes the records that point at the deleted one too (json-server's dependents), so it
//   invalidates the lists of every resource with a `<singular>Id` field naming its collection: deleting
//   a user refreshes every group's memberships;
// - a read of an item that is written under `If-Match` keeps the newest object in the cache (see
//   `versioned`), since the object carries the version the next conditional write sends.
import type { MethodModel, SdkModel } from './model.js';
import { singular } from './naming.js';
import { arr, obj, refName, resolveRef, type Json, type OpenApiDocument } from './spec.js';

// The plan's types are the runtime's own (src/tanstack-query/cache.ts reads the table), so the two cannot drift.
import type { QueryTarget, WritePlan } from '../src/tanstack-query/cache.js';

export type { QueryTarget, WritePlan };

/** The query bindings of one operation. */
export interface QueryOperation {
  readonly method: MethodModel;
  readonly kind: 'query' | 'infinite' | 'mutation';
  readonly plan?: WritePlan;
  /**
   * A read of an item a write of the same path takes `If-Match` for: its cached object carries the
   * version (`etagOf`) the next conditional write sends, so the cache always keeps the newest object.
   */
  readonly versioned?: boolean;
}

/** The literal segments and parameters of a path, in order. */
function segments(path: string): { literal: string | undefined; param: string | undefined }[] {
  return path
    .split('/')
    .filter(Boolean)
    .map((s) => {
      const m = /^\{(.+)\}$/.exec(s);
      return m ? { literal: undefined, param: m[1] } : { literal: s, param: undefined };
    });
}

/** `/groups/{id}/memberships/{x}` → `memberships`. */
export function collectionOf(path: string): string | undefined {
  return segments(path)
    .map((s) => s.literal)
    .filter((s) => s !== undefined)
    .at(-1);
}

/** The path parameter ending the path, if it ends with one (`/users/{id}` → `id`). */
function trailingParam(path: string): string | undefined {
  return segments(path).at(-1)?.param;
}

/** Parameters that select a parent: `/groups/{id}/memberships` → [['id', 'groupId']] (json-server's foreign key). */
function parentKeys(path: string): [param: string, field: string][] {
  const parts = segments(path);
  const out: [string, string][] = [];
  parts.forEach((s, i) => {
    const before = parts[i - 1]?.literal;
    if (s.param !== undefined && i < parts.length - 1 && before !== undefined)
      out.push([s.param, s.param === 'id' ? `${singular(before)}Id` : s.param]);
  });
  return out;
}

/** The property names a named schema declares (through `allOf` too). */
function propertiesOf(doc: OpenApiDocument, schema: Json | undefined, seen = new Set<string>()): Set<string> {
  const name = refName(schema);
  if (name !== undefined) {
    if (seen.has(name)) return new Set();
    seen.add(name);
  }
  const s = resolveRef(doc, schema);
  const out = new Set(Object.keys(obj(s, 'properties') ?? {}));
  for (const part of arr(s, 'allOf')) for (const p of propertiesOf(doc, part, seen)) out.add(p);
  return out;
}

const schemaRef = (name: string): Json => ({ $ref: `#/components/schemas/${name}` });

/** Every operation of the model with its kind and, for writes, what it changes in the cache. */
export function buildQueryModel(doc: OpenApiDocument, model: SdkModel): QueryOperation[] {
  const methods = model.resources.flatMap((r) => r.methods);
  const isModel = (t: string): boolean => model.models.some((m) => m.name === t);
  const reads = methods.filter((m) => m.row.method === 'GET');
  const lists = reads.filter((m) => m.row.pagination !== null);
  const items = reads.filter((m) => m.row.pagination === null && trailingParam(m.row.path) !== undefined);
  const key = (m: MethodModel): readonly [string, string] => [m.row.tag, m.operationId];

  return methods.map((method): QueryOperation => {
    if (method.row.method === 'GET') {
      if (method.row.pagination) return { method, kind: 'infinite' };
      const versioned = methods.some((w) => w.row.path === method.row.path && w.row.acceptsIfMatch);
      return { method, kind: 'query', ...(versioned ? { versioned } : {}) };
    }
    const { path, tag } = method.row;
    const collection = collectionOf(path);
    const samePath = items.find((m) => m.row.path === path);
    const resource =
      (isModel(method.resultType) ? method.resultType : undefined) ??
      (samePath && isModel(samePath.resultType) ? samePath.resultType : undefined) ??
      lists.find((m) => collectionOf(m.row.path) === collection && isModel(m.resultType))?.resultType;
    const fields = resource ? propertiesOf(doc, schemaRef(resource)) : new Set<string>();
    const returnsResource = resource !== undefined && method.resultType === resource;

    // The resource's own read: the GET of this path (an item write), or of `<path>/{x}` for a create.
    let item: WritePlan['item'];
    const own = trailingParam(path);
    if (samePath && own !== undefined) {
      const action = method.row.method === 'DELETE' ? 'remove' : returnsResource ? 'set' : 'invalidate';
      item = {
        key: key(samePath),
        params: samePath.row.pathParams.map((p) => [p.name, p.name]),
        action,
        from: 'path',
      };
    } else {
      const created = items.find(
        (m) => m.resultType === resource && m.row.path.replace(/\/\{[^}]+\}$/, '') === path,
      );
      const param = created ? trailingParam(created.row.path) : undefined;
      if (created && param !== undefined && fields.has(param) && returnsResource)
        item = { key: key(created), params: [[param, param]], action: 'set', from: 'record' };
    }

    const scoped = (m: MethodModel): QueryTarget => ({
      key: key(m),
      params: parentKeys(m.row.path).filter(([, field]) => fields.has(field)),
    });
    const ofResource = lists.filter((m) => resource !== undefined && m.resultType === resource);
    const ofTag = lists.filter((m) => m.row.tag === tag && !ofResource.includes(m));
    const refs: QueryTarget[] = [];
    for (const field of [...fields].sort()) {
      const noun = /^(.+)Id$/.exec(field)?.[1];
      const target = items.find((m) => {
        const c = collectionOf(m.row.path);
        return noun !== undefined && c !== undefined && c !== collection && singular(c) === noun;
      });
      const param = target ? trailingParam(target.row.path) : undefined;
      if (target && param !== undefined) refs.push({ key: key(target), params: [[param, field]] });
    }
    const noun = collection === undefined ? undefined : singular(collection);
    const dependents =
      method.row.method === 'DELETE' && own !== undefined && noun !== undefined
        ? lists.filter(
            (m) =>
              m.resultType !== resource &&
              !ofTag.includes(m) &&
              isModel(m.resultType) &&
              propertiesOf(doc, schemaRef(m.resultType)).has(`${noun}Id`),
          )
        : [];
    const needsRecord = refs.length > 0 || ofResource.some((m) => scoped(m).params.length > 0);
    const lookup =
      !returnsResource && needsRecord && own !== undefined && fields.has(own)
        ? { queries: [...(samePath ? [key(samePath)] : []), ...ofResource.map(key)], param: own, field: own }
        : undefined;
    const plan: WritePlan = {
      ...(item ? { item } : {}),
      lists: [...ofResource, ...ofTag, ...dependents].map((m) =>
        ofResource.includes(m) ? scoped(m) : { key: key(m), params: [] },
      ),
      patch: item?.action === 'set' && item.from === 'path' ? ofResource.map(key) : [],
      fromResponse: returnsResource,
      refs,
      ...(lookup ? { lookup } : {}),
    };
    return { method, kind: 'mutation', plan };
  });
}
