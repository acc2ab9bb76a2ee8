// Builds a mock from a spec model: the store, the fault queue, the validator, the MSW handlers over
// them and a fetch over the handlers. index.ts calls it with the spec this package was generated from;
// tests call it with small specs of their own (nested collections the shipped spec may not have yet).
import { checkFault, FaultQueue } from './faults.js';
import { createFetch } from './fetch.js';
import { createHandlers } from './handlers.js';
import type { MockApi, MockApiOptions } from './types.js';
import { routesOf, seedFromExamples, type SpecModel } from './model.js';
import { Store, type Row } from './store.js';
import { RequestValidator } from './validate.js';

/** Where the mock answers unless told otherwise (`.test` is reserved, so it never reaches a real host). */
export const DEFAULT_MOCK_BASE_URL = 'http://user-management.test';

function checkBaseUrl(value: unknown): string {
  if (typeof value !== 'string')
    throw new TypeError('createMockApi(): baseUrl must be a string such as "http://api.test".');
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new TypeError(`createMockApi(): baseUrl "${value}" is not an absolute URL.`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:')
    throw new TypeError(`createMockApi(): baseUrl must be http(s), got ${url.protocol}.`);
  if (url.search || url.hash) throw new TypeError('createMockApi(): baseUrl takes no query or fragment.');
  return `${url.origin}${url.pathname}`.replace(/\/+$/, '');
}

function checkData(data: unknown): Record<string, Row[]> {
  if (!data || typeof data !== 'object' || Array.isArray(data))
    throw new TypeError('createMockApi(): data must be an object of collections, e.g. { users: [...] }.');
  for (const [name, rows] of Object.entries(data)) {
    if (!Array.isArray(rows) || rows.some((r) => !r || typeof r !== 'object' || Array.isArray(r)))
      throw new TypeError(`createMockApi(): data.${name} must be an array of records (objects).`);
  }
  return data as Record<string, Row[]>;
}

/** A mock of the API that `spec` describes. */
export function mockFromSpec(spec: SpecModel, options: MockApiOptions = {}): MockApi {
  const baseUrl = checkBaseUrl(options.baseUrl ?? DEFAULT_MOCK_BASE_URL);
  const routes = routesOf(spec);
  const store = new Store(options.data === undefined ? seedFromExamples(routes) : checkData(options.data));
  const faults = new FaultQueue();
  let requests = 0;
  const handlers = createHandlers(routes, baseUrl, {
    store,
    faults,
    validator: new RequestValidator(spec),
    collections: new Set(routes.map((r) => r.collection)),
    nextRequestId: () => `mock-${String(++requests)}`,
  });
  return {
    baseUrl,
    fetch: createFetch(handlers, baseUrl),
    handlers,
    reset() {
      store.reset();
      faults.clear();
    },
    fail(operationId, fault, times = 1) {
      faults.add(operationId, checkFault(operationId, operationId in spec.operations, fault, times), times);
    },
  };
}
