// The one middleware that makes json-server 0.17 behave as the spec promises the provider does, for
// every suite that runs against it: the conformance run (json-server's CLI, `--middlewares`, through the
// default export) and the sync end-to-end run (json-server as a library, test/support/json-server-app.cjs,
// through `createConditional`).
//
// Versions (RFC 9110 §13). json-server runs on Express, whose weak ETags (a hash of the body) already
// answer If-None-Match with 304, but it ignores If-Match, and a content hash cannot tell A → B → A
// apart. So this keeps a version counter per record, bumped by every successful write that passes
// through it:
//   - single records (`/<collection>/<id>`, and the record a POST creates) carry the strong ETag
//     `"<collection>-<id>-<version>"`; Express compares If-None-Match with it, so a GET of an unchanged
//     record is a 304;
//   - PUT, PATCH and DELETE with If-Match go ahead only if the record is at one of the listed versions
//     (`*`: at any); otherwise 412 problem details, and json-server never sees the request. Given the
//     database (library mode), a record that does not exist fails If-Match too, as RFC 9110 §13.1.1
//     says; the CLI gives middlewares no database, so there json-server answers such a request 404;
//   - lists keep Express's weak ETag of the body.
// Requests to one record run one at a time (a queue per record, released when the answer is sent):
// json-server does not check and write in one step, and without the queue two writes under the same
// If-Match both got through.
//
// Idempotency-Key on POST and PATCH (library mode only, `idempotency: true`: the conformance run pins
// that json-server itself ignores the header): the first answer is stored and replayed (same status, body and
// ETag, `Idempotent-Replayed: true`) for a repeat; a repeat while the first is still running gets 409;
// the same key with another method, path or body gets 422. The replay check comes before the
// precondition, so a retried PATCH whose first attempt succeeded gets its own answer back rather than a
// 412 caused by itself.
//
// Fault injection (library mode): a request with `res.locals.dropResponse` is handled (the write
// happens, the version and the idempotent answer are stored) and then its connection is reset.
//
// Generic over collections: nothing here names one. It sees every write only because every request goes
// through it; a record changed behind its back keeps its version. CommonJS, because json-server loads it
// in its own (CommonJS) process.
'use strict';

const ITEM = /^\/([A-Za-z0-9_-]+)\/(\d+)\/?(?:\?.*)?$/;
const COLLECTION = /^\/([A-Za-z0-9_-]+)\/?(?:\?.*)?$/;
const WRITES = new Set(['PUT', 'PATCH', 'DELETE']);

/** Strong comparison (RFC 9110 §13.1.1): a weak tag never matches; `*` matches any current record. */
function passes(ifMatch, current) {
  return ifMatch
    .split(',')
    .map((t) => t.trim())
    .some((t) => t === '*' || (!t.startsWith('W/') && t === current));
}

function problem(res, status, title, detail) {
  res
    .status(status)
    .type('application/problem+json')
    .set('Cache-Control', 'no-cache')
    .send(JSON.stringify({ type: 'about:blank', title, status, detail }));
}

/**
 * @param {{ db?: { getState(): Record<string, unknown> }, idempotency?: boolean }} options
 *   `db`: json-server's lowdb instance (router.db), when there is one: If-Match on a record that does
 *   not exist is then a 412. `idempotency`: honour Idempotency-Key, as the spec promises the provider does.
 */
function createConditional({ db, idempotency: honourKeys = false } = {}) {
  /** @type {Map<string, number>} `<collection>-<id>` → version (1 until the first write seen) */
  const versions = new Map();
  const etagOf = (key) => `"${key}-${versions.get(key) ?? 1}"`;
  const bump = (key) => versions.set(key, (versions.get(key) ?? 1) + 1);
  /** @type {Map<string, Promise<void>>} record → the end of the last request queued for it */
  const queues = new Map();
  /** @type {Map<string, { fingerprint: string, status?: number, body?: unknown, headers?: Record<string, string> }>} */
  const idempotency = new Map();
  const exists = (collection, id) => {
    if (!db) return true;
    const records = db.getState()[collection];
    return Array.isArray(records) && records.some((r) => r && r.id === id);
  };

  /** Runs `handle` once the requests to `key` before it are answered; `handle` ends with the response. */
  function serialize(key, res, handle) {
    const done = new Promise((resolve) => {
      res.once('finish', resolve);
      res.once('close', resolve);
    });
    const previous = queues.get(key) ?? Promise.resolve();
    const mine = previous.then(() => {
      handle();
      return done;
    });
    queues.set(key, mine);
    void mine.then(() => {
      if (queues.get(key) === mine) queues.delete(key);
    });
  }

  function middleware(req, res, next) {
    const item = ITEM.exec(req.url);
    if (item) serialize(`${item[1]}-${item[2]}`, res, () => handle(req, res, next, item));
    else handle(req, res, next, undefined);
  }

  function handle(req, res, next, item) {
    const collection = item ? undefined : COLLECTION.exec(req.url);
    const key = item ? `${item[1]}-${item[2]}` : undefined;
    const idempotencyKey =
      honourKeys && (req.method === 'POST' || req.method === 'PATCH')
        ? req.get('Idempotency-Key')
        : undefined;
    if (idempotencyKey) {
      const fingerprint = `${req.method} ${req.path} ${JSON.stringify(req.body)}`;
      const entry = idempotency.get(idempotencyKey);
      if (entry) {
        if (entry.fingerprint !== fingerprint)
          return problem(
            res,
            422,
            'Unprocessable Entity',
            'This Idempotency-Key was used for another request.',
          );
        if (entry.status === undefined)
          return problem(
            res,
            409,
            'Conflict',
            'A request with this Idempotency-Key is still being processed.',
          );
        res.setHeader('Idempotent-Replayed', 'true');
        for (const [k, v] of Object.entries(entry.headers ?? {})) res.setHeader(k, v);
        return res.status(entry.status).json(entry.body);
      }
      idempotency.set(idempotencyKey, { fingerprint });
      // A failure before the router answers must not leave the key stuck "in progress".
      res.on('finish', () => {
        const e = idempotency.get(idempotencyKey);
        if (e && e.status === undefined) idempotency.delete(idempotencyKey);
      });
    }
    const ifMatch = req.get('If-Match');
    if (
      key &&
      ifMatch &&
      WRITES.has(req.method) &&
      (!passes(ifMatch, etagOf(key)) || !exists(item[1], Number(item[2])))
    ) {
      if (idempotencyKey) idempotency.delete(idempotencyKey);
      return problem(
        res,
        412,
        'Precondition Failed',
        `${item[1]} ${item[2]} is at version ${etagOf(key)}, not ${ifMatch}; nothing was changed.`,
      );
    }
    // json-server answers through res.jsonp (router.render): version what it sends before Express hashes it.
    const jsonp = res.jsonp.bind(res);
    res.jsonp = (data) => {
      const ok = res.statusCode >= 200 && res.statusCode < 300;
      const id = data && typeof data === 'object' && !Array.isArray(data) ? data.id : undefined;
      if (ok && key && req.method !== 'GET' && req.method !== 'HEAD') bump(key);
      const own =
        key ??
        (collection && req.method === 'POST' && id !== undefined ? `${collection[1]}-${id}` : undefined);
      // A create takes a new version even where the id was used before (json-server hands out the
      // largest id + 1 again after the last record is deleted).
      if (ok && own && !key) bump(own);
      const etag = ok && own && id !== undefined && req.method !== 'DELETE' ? etagOf(own) : undefined;
      if (etag) res.set('ETag', etag);
      const entry = idempotencyKey && idempotency.get(idempotencyKey);
      if (entry) Object.assign(entry, { status: res.statusCode, body: data, headers: etag ? { etag } : {} });
      if (res.locals.dropResponse) {
        // Fault injection: the write happened, the answer never arrives.
        req.socket.destroy();
        return res;
      }
      return jsonp(data);
    };
    next();
  }

  /** Forgets versions and stored answers (the data was replaced). */
  function reset() {
    versions.clear();
    idempotency.clear();
  }

  return { middleware, reset, versions };
}

// `--middlewares` takes the module's export as the middleware: one instance for the server's lifetime,
// versions only (json-server's own answer to Idempotency-Key is what the conformance run checks).
const shared = createConditional();
module.exports = shared.middleware;
module.exports.createConditional = createConditional;
