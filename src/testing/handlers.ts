// One MSW request handler per operation of the spec. Each runs the same steps: a queued fault, then
// parameter and body validation (the spec's 422, or 400 where the operation declares no 422), then the
// json-server action its method and path imply. The same handlers serve setupServer/setupWorker and the
// mock's in-process `fetch`.
import { delay, http, HttpResponse, type HttpHandler } from 'msw';
import { etagFor, ifMatchPasses, isNotModified } from './conditional.js';
import type { FaultQueue } from './faults.js';
import { singular, type Route } from './model.js';
import { json, problem } from './responses.js';
import { textOf, type Row, type Store } from './store.js';
import type { RequestValidator } from './validate.js';

/** The state one mock's handlers share. */
export interface MockState {
  readonly store: Store;
  readonly faults: FaultQueue;
  readonly validator: RequestValidator;
  /** Collections some route of the spec serves, so a missing parent answers 404. */
  readonly collections: ReadonlySet<string>;
  /** Numbers the `X-Request-Id` of each answer. */
  nextRequestId: () => string;
}

const METHODS = {
  GET: http.get,
  POST: http.post,
  PUT: http.put,
  PATCH: http.patch,
  DELETE: http.delete,
} as const;

function isMethod(method: string): method is keyof typeof METHODS {
  return method in METHODS;
}

function notFound(collection: string, value: unknown, headers: Record<string, string>): Response {
  const name = singular(collection);
  return problem(
    404,
    `${name.charAt(0).toUpperCase()}${name.slice(1)} ${textOf(value)} does not exist.`,
    headers,
  );
}

/** Reads the JSON body; `undefined` for an empty one, a string describing the failure for bad JSON. */
async function readBody(request: Request): Promise<{ value: unknown } | { invalid: string }> {
  const text = await request.text();
  if (text === '') return { value: undefined };
  try {
    return { value: JSON.parse(text) as unknown };
  } catch {
    return { invalid: 'The request body is not valid JSON.' };
  }
}

async function answer(
  route: Route,
  request: Request,
  pathParams: Record<string, unknown>,
  state: MockState,
): Promise<Response> {
  const { op } = route;
  const headers: Record<string, string> = { 'X-Request-Id': state.nextRequestId() };

  const fault = state.faults.take(route.operationId);
  if (fault) {
    if (fault.delayMs) await delay(fault.delayMs);
    if (fault.dropConnection) return HttpResponse.error();
    if (fault.status !== undefined) {
      if (fault.retryAfter !== undefined) headers['Retry-After'] = String(fault.retryAfter);
      return problem(
        fault.status,
        `Injected fault: ${op.method} ${op.path} answered ${fault.status}.`,
        headers,
      );
    }
  }

  // Validation failures answer 422 where the operation declares it (the real API's shape), else 400.
  const invalidStatus = op.errorStatuses.includes(422) ? 422 : 400;
  const url = new URL(request.url);
  const check = state.validator.params(route.operationId, op, pathParams, url);
  if (check.failures.length > 0)
    return problem(invalidStatus, 'The request parameters are invalid.', headers, check.failures);
  const { params } = check;
  let body: unknown;
  if (op.requestBody) {
    const read = await readBody(request);
    if ('invalid' in read) return problem(400, read.invalid, headers);
    body = read.value;
    if (body === undefined && op.requestBody.required)
      return problem(invalidStatus, 'The request body is missing.', headers, [
        { field: '(body)', message: 'is required' },
      ]);
    const failures = body === undefined ? [] : state.validator.body(route.operationId, op, body);
    if (failures.length > 0)
      return problem(invalidStatus, `The ${singular(route.collection)} is invalid.`, headers, failures);
  }

  // The enclosing records must exist: /groups/9/memberships is a 404 when group 9 does not.
  const where: Row = {};
  for (const parent of route.parents) {
    const value = params[parent.param];
    if (state.collections.has(parent.collection) && !state.store.find(parent.collection, { id: value }))
      return notFound(parent.collection, value, headers);
    where[parent.field] = value;
  }
  if (route.key) where[route.key.field] = params[route.key.param];
  const status = op.success.status;
  const fields = (body && typeof body === 'object' ? body : {}) as Row;
  const { conditional } = op;
  // A write with If-Match goes ahead only if the record is still at that version (412 otherwise).
  const ifMatch = conditional.ifMatch ? request.headers.get('if-match') : null;
  if (ifMatch !== null && route.action !== 'read' && route.action !== 'list') {
    const current = route.key ? state.store.find(route.collection, where) : undefined;
    if (!ifMatchPasses(ifMatch, current === undefined ? undefined : etagFor(current)))
      return problem(
        412,
        `The ${singular(route.collection)} is not at version ${ifMatch} (someone else changed it); nothing was changed.`,
        headers,
      );
  }
  // A read answers 304 when the client's copy is current; every answer that declares an ETag sends one.
  const ifNoneMatch = conditional.ifNoneMatch ? request.headers.get('if-none-match') : null;
  const send = (value: unknown, extra: Record<string, string> = headers): Response => {
    if (!conditional.etag && !conditional.ifNoneMatch) return json(status, value, extra);
    const etag = etagFor(value);
    if (ifNoneMatch !== null && isNotModified(ifNoneMatch, etag))
      return json(304, undefined, { ...extra, ETag: etag });
    return json(status, value, { ...extra, ETag: etag });
  };

  switch (route.action) {
    case 'list': {
      const { rows, headers: paging } = state.store.list(route.collection, where, url);
      return send(rows, { ...headers, ...paging });
    }
    case 'create': {
      const created = state.store.insert(route.collection, { ...fields, ...where }, route.assignsId);
      if (created.id !== undefined) headers.Location = `${url.origin}${url.pathname}/${textOf(created.id)}`;
      return send(created);
    }
    case 'read':
    case 'merge':
    case 'replace': {
      const found =
        route.action === 'read'
          ? state.store.find(route.collection, where)
          : state.store.update(route.collection, where, fields, route.action === 'merge');
      if (found) return send(found);
      return notFound(route.collection, route.key ? params[route.key.param] : '', headers);
    }
    case 'remove':
      if (!state.store.remove(route.collection, where))
        return notFound(route.collection, route.key ? params[route.key.param] : '', headers);
      // json-server answers 200 with `{}`; a spec whose first success is 204 gets no body.
      return json(status, op.success.schema ? {} : undefined, headers);
    case 'example':
      return json(status, op.success.examples[0], headers);
  }
}

/** The MSW handlers of every route, under `baseUrl`, then a catch-all 404 for paths the spec lacks. */
export function createHandlers(routes: readonly Route[], baseUrl: string, state: MockState): HttpHandler[] {
  const handlers: HttpHandler[] = [];
  for (const route of routes) {
    if (!isMethod(route.op.method)) continue;
    const pattern = baseUrl + route.op.path.replace(/\{([^}]+)\}/g, ':$1');
    handlers.push(
      METHODS[route.op.method](pattern, ({ request, params }) => answer(route, request, params, state)),
    );
  }
  handlers.push(
    http.all(`${baseUrl}/*`, ({ request }) =>
      problem(404, `No operation of the API matches ${request.method} ${new URL(request.url).pathname}.`, {
        'X-Request-Id': state.nextRequestId(),
      }),
    ),
  );
  return handlers;
}
