// The mock's database, with json-server 0.17's semantics (its router/plural.js): collections of plain
// records; list filters by field (`name=…`, `_like`, `_ne`, `_gte`, `_lte`), full-text `q`, `_sort`/
// `_order`, then `_page`/`_limit` (with `X-Total-Count` and a `Link` to first/prev/next/last) or
// `_start`/`_end`/`_limit`; POST assigns the largest id + 1; PUT replaces, PATCH merges; DELETE removes
// the record and the records that point at it through `<singular>Id`. Hand-written because json-server
// itself is an Express app that cannot run inside MSW or a browser.
import { singular } from './model.js';

/** One stored record. */
export type Row = Record<string, unknown>;

/** A page of a list, with the headers json-server sends for it. */
export interface ListResult {
  readonly rows: Row[];
  readonly headers: Record<string, string>;
}

const CONTROL = new Set(['q', '_page', '_limit', '_start', '_end', '_sort', '_order', '_embed', '_expand']);

/** A field's value as json-server compares it: as text. */
export function textOf(value: unknown): string {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint')
    return String(value);
  if (value === undefined) return '';
  return JSON.stringify(value);
}

/** The value at a dotted path (`address.city`), as json-server's filters read it. */
function at(row: unknown, path: string): unknown {
  let cur = row;
  for (const part of path.split('.')) cur = cur && typeof cur === 'object' ? (cur as Row)[part] : undefined;
  return cur;
}

/** json-server's `q`: any string anywhere in the record contains the term, case-insensitively. */
function containsText(value: unknown, term: string): boolean {
  if (typeof value === 'string') return value.toLowerCase().includes(term);
  if (value && typeof value === 'object') return Object.values(value).some((v) => containsText(v, term));
  return false;
}

function compare(a: unknown, b: unknown): number {
  if (a === b) return 0;
  if (a === undefined || a === null) return 1;
  if (b === undefined || b === null) return -1;
  return (a as number | string) < (b as number | string) ? -1 : 1;
}

function matches(row: Row, key: string, values: readonly string[]): boolean {
  const suffix = /_(lte|gte|ne|like)$/.exec(key)?.[1];
  const path = suffix ? key.slice(0, -suffix.length - 1) : key;
  const field = at(row, path);
  if (field === undefined || field === null) return false;
  const text = textOf(field);
  const results = values.map((v) => {
    switch (suffix) {
      case 'gte':
        return compare(field, typeof field === 'number' ? Number(v) : v) >= 0;
      case 'lte':
        return compare(field, typeof field === 'number' ? Number(v) : v) <= 0;
      case 'ne':
        return v !== text;
      case 'like':
        try {
          return new RegExp(v, 'i').test(text);
        } catch {
          return false;
        }
      default:
        return v === text;
    }
  });
  return suffix === 'ne' ? results.every(Boolean) : results.some(Boolean);
}

/** Link header value in Express's `res.links()` format; empty when one page holds everything. */
function linkHeader(url: URL, page: number, pages: number): string {
  const at = (n: number): string => {
    const u = new URL(url);
    u.searchParams.set('_page', String(n));
    return u.href;
  };
  const links: [string, number][] = [['first', 1]];
  if (page > 1) links.push(['prev', page - 1]);
  if (page < pages) links.push(['next', page + 1]);
  links.push(['last', pages]);
  return links.map(([rel, n]) => `<${at(n)}>; rel="${rel}"`).join(', ');
}

/** A set of collections, seeded once and reset to the seed on demand. */
export class Store {
  readonly #seed: Readonly<Record<string, readonly Row[]>>;
  #tables: Record<string, Row[]> = {};

  constructor(seed: Readonly<Record<string, readonly Row[]>>) {
    this.#seed = structuredClone(seed);
    this.reset();
  }

  /** Back to the seed. */
  reset(): void {
    this.#tables = structuredClone(this.#seed) as Record<string, Row[]>;
  }

  #table(name: string): Row[] {
    return (this.#tables[name] ??= []);
  }

  /** The records of a collection matching `where` (field → value, compared as text like json-server). */
  select(collection: string, where: Readonly<Record<string, unknown>>): Row[] {
    return this.#table(collection).filter((row) =>
      Object.entries(where).every(([field, value]) => textOf(row[field]) === textOf(value)),
    );
  }

  /** GET /collection with json-server's query language; `url` is the request's, for the Link header. */
  list(collection: string, where: Readonly<Record<string, unknown>>, url: URL): ListResult {
    const query = url.searchParams;
    let rows = this.select(collection, where);
    const q = query.get('q');
    if (q) rows = rows.filter((row) => containsText(row, q.toLowerCase()));
    const all = this.#table(collection);
    for (const key of new Set(query.keys())) {
      if (CONTROL.has(key) || key === '_' || key === 'callback') continue;
      // json-server ignores a filter on a field no record has, unless it is an operator filter.
      const operator = /_(lte|gte|ne|like)$/.test(key);
      if (!operator && !all.some((row) => at(row, key) !== undefined)) continue;
      rows = rows.filter((row) => matches(row, key, query.getAll(key)));
    }
    const sort = query.get('_sort');
    if (sort) {
      const fields = sort.split(',');
      const orders = (query.get('_order') ?? '').split(',').map((o) => o.toLowerCase());
      rows = [...rows].sort((a, b) => {
        for (const [i, field] of fields.entries()) {
          const c = compare(at(a, field), at(b, field));
          if (c !== 0) return orders[i] === 'desc' ? -c : c;
        }
        return 0;
      });
    }
    const headers: Record<string, string> = {};
    const pageParam = query.get('_page');
    const limitParam = query.get('_limit');
    const endParam = query.get('_end');
    if (pageParam || limitParam || endParam) headers['X-Total-Count'] = String(rows.length);
    if (pageParam) {
      const page = Math.max(1, Number.parseInt(pageParam, 10) || 1);
      const limit = Number.parseInt(limitParam ?? '', 10) || 10;
      const items = rows.slice((page - 1) * limit, page * limit);
      const pages = Math.ceil(rows.length / limit);
      headers.Link = items.length > 0 && items.length !== rows.length ? linkHeader(url, page, pages) : '';
      rows = items;
    } else if (endParam) {
      rows = rows.slice(Number.parseInt(query.get('_start') ?? '', 10) || 0, Number.parseInt(endParam, 10));
    } else if (limitParam) {
      const start = Number.parseInt(query.get('_start') ?? '', 10) || 0;
      rows = rows.slice(start, start + Number.parseInt(limitParam, 10));
    }
    return { rows: structuredClone(rows), headers };
  }

  /** One record, or undefined. */
  find(collection: string, where: Readonly<Record<string, unknown>>): Row | undefined {
    const row = this.select(collection, where)[0];
    return row && structuredClone(row);
  }

  /** POST: stores a copy with the next id (largest numeric id + 1) unless the record has one. */
  insert(collection: string, record: Row, assignId: boolean): Row {
    const table = this.#table(collection);
    const row: Row = { ...structuredClone(record) };
    if (assignId && row.id === undefined) {
      row.id = table.reduce((max, r) => (typeof r.id === 'number' && r.id > max ? r.id : max), 0) + 1;
    }
    table.push(row);
    return structuredClone(row);
  }

  /** PUT (replace) or PATCH (merge) the first record matching `where`; undefined when there is none. */
  update(
    collection: string,
    where: Readonly<Record<string, unknown>>,
    fields: Row,
    merge: boolean,
  ): Row | undefined {
    const table = this.#table(collection);
    const [row] = this.select(collection, where);
    if (!row) return undefined;
    const next: Row = merge
      ? { ...row, ...structuredClone(fields) }
      : { ...structuredClone(fields), ...where };
    if (row.id !== undefined) next.id = row.id;
    table[table.indexOf(row)] = next;
    return structuredClone(next);
  }

  /** DELETE the records matching `where`, and the records of other collections that point at them. */
  remove(collection: string, where: Readonly<Record<string, unknown>>): boolean {
    const doomed = this.select(collection, where);
    if (doomed.length === 0) return false;
    this.#tables[collection] = this.#table(collection).filter((row) => !doomed.includes(row));
    const foreignKey = `${singular(collection)}Id`;
    for (const row of doomed) {
      if (row.id === undefined) continue;
      for (const [name, table] of Object.entries(this.#tables)) {
        if (name !== collection)
          this.#tables[name] = table.filter((r) => textOf(r[foreignKey]) !== textOf(row.id));
      }
    }
    return true;
  }
}
