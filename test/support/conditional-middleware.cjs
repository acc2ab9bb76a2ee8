// Express middleware for json-server 0.17 that makes it behave as the spec promises the provider does:
//   - Idempotency-Key on POST/PATCH: the first response is stored and replayed (same status and body,
//     `Idempotent-Replayed: true`) for a repeat; a repeat while the first is still running gets 409;
//     the same key with another method, path or body gets 422.
//   - Strong ETags on single users (`"<id>.<version>"`, a counter bumped on every write, so A→B→A is
//     two versions) and If-Match on PATCH/PUT/DELETE: a stale version gets 412 problem details.
// The replay check comes before the precondition, so a retried PATCH whose first attempt succeeded
// gets its own response back rather than a 412 caused by itself.
// CommonJS, because json-server loads it in its own (CommonJS) process. Used by test/support/json-server-app.cjs.
'use strict';

const USER_PATH = /^\/users\/(\d+)\/?$/;

/**
 * @param {{ getState(): { users: Array<{ id: number }> } }} db json-server's lowdb instance (router.db)
 */
function conditional(db) {
  /** @type {Map<number, number>} id → version */
  const versions = new Map();
  /** @type {Map<string, { fingerprint: string, status?: number, body?: unknown, headers?: Record<string, string> }>} */
  const idempotency = new Map();
  const etagOf = (id) => `"${id}.${versions.get(id) ?? 1}"`;
  const exists = (id) => db.getState().users.some((u) => u.id === id);
  const problem = (res, status, title, detail) =>
    res
      .status(status)
      .type('application/problem+json')
      .send(JSON.stringify({ type: 'about:blank', title, status, detail }));

  /** Wraps json-server's router.render: sets ETags, bumps versions and stores idempotent responses. */
  function render(req, res, next) {
    const data = res.locals.data;
    const status = res.statusCode;
    const write = req.method !== 'GET' && req.method !== 'HEAD';
    const id = data && typeof data === 'object' && typeof data.id === 'number' ? data.id : undefined;
    const pathId = USER_PATH.exec(req.path);
    if (write && status < 400) {
      const changed = id ?? (pathId ? Number(pathId[1]) : undefined);
      if (changed !== undefined) versions.set(changed, (versions.get(changed) ?? 1) + 1);
    }
    if (id !== undefined && req.path.startsWith('/users')) res.setHeader('ETag', etagOf(id));
    const key = req.get('Idempotency-Key');
    if (key && (req.method === 'POST' || req.method === 'PATCH')) {
      const entry = idempotency.get(key);
      if (entry)
        Object.assign(entry, { status, body: data, headers: id === undefined ? {} : { etag: etagOf(id) } });
    }
    if (res.locals.dropResponse) {
      // Fault injection: the write happened, the answer never arrives.
      req.socket.destroy();
      return;
    }
    res.jsonp(data);
  }

  function middleware(req, res, next) {
    const key = req.get('Idempotency-Key');
    if (key && (req.method === 'POST' || req.method === 'PATCH')) {
      const fingerprint = `${req.method} ${req.path} ${JSON.stringify(req.body)}`;
      const entry = idempotency.get(key);
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
      idempotency.set(key, { fingerprint });
      // A failure before the router answers must not leave the key stuck "in progress".
      res.on('finish', () => {
        const e = idempotency.get(key);
        if (e && e.status === undefined) idempotency.delete(key);
      });
    }
    const m = USER_PATH.exec(req.path);
    const ifMatch = req.get('If-Match');
    if (m && ifMatch && ['PATCH', 'PUT', 'DELETE'].includes(req.method)) {
      const id = Number(m[1]);
      const matches =
        ifMatch.trim() === '*'
          ? exists(id)
          : ifMatch
              .split(',')
              .map((s) => s.trim())
              .includes(etagOf(id));
      if (!exists(id) || !matches) {
        if (key) idempotency.delete(key);
        return problem(res, 412, 'Precondition Failed', `User ${id} is not at version ${ifMatch}.`);
      }
    }
    next();
  }

  /** Forgets versions and stored responses (the data was replaced). */
  function reset() {
    versions.clear();
    idempotency.clear();
  }

  return { middleware, render, reset, versions };
}

module.exports = { conditional };
