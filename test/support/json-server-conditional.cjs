// A json-server 0.17 middleware (`--middlewares`) that gives it the versioning the spec describes
// (RFC 9110 §13), for the conformance run. json-server runs on Express, whose weak ETags (a hash of the
// body) already answer If-None-Match with 304, but it ignores If-Match, and a content hash cannot tell
// A → B → A apart. So this keeps a version counter per record, bumped by every successful write that
// passes through it:
//   - single records (`/<collection>/<id>`, and the record a POST creates) carry the strong ETag
//     `"<collection>-<id>-<version>"`; Express compares If-None-Match with it, so a GET of an unchanged
//     record is a 304;
//   - PUT, PATCH and DELETE with If-Match go ahead only if the record is at one of the listed versions
//     (`*`: at any); otherwise 412 problem details, and json-server never sees the request;
//   - lists keep Express's weak ETag of the body.
// Requests to one record run one at a time (a queue per record, released when the answer is sent):
// json-server does not check and write in one step, and without the queue two writes under the same
// If-Match both got through. Generic over collections: nothing here names one. It sees every write only
// because every request of the conformance run goes through it; a record changed behind its back keeps
// its version.
'use strict';

const ITEM = /^\/([A-Za-z0-9_-]+)\/(\d+)\/?(?:\?.*)?$/;
const COLLECTION = /^\/([A-Za-z0-9_-]+)\/?(?:\?.*)?$/;
const WRITES = new Set(['PUT', 'PATCH', 'DELETE']);

/** @type {Map<string, number>} `<collection>-<id>` → version (1 until the first write seen) */
const versions = new Map();
const etagOf = (key) => `"${key}-${versions.get(key) ?? 1}"`;
const bump = (key) => versions.set(key, (versions.get(key) ?? 1) + 1);

/** Strong comparison (RFC 9110 §13.1.1): a weak tag never matches; `*` matches any current record. */
function passes(ifMatch, current) {
  return ifMatch
    .split(',')
    .map((t) => t.trim())
    .some((t) => t === '*' || (!t.startsWith('W/') && t === current));
}

/** @type {Map<string, Promise<void>>} record → the end of the last request queued for it */
const queues = new Map();

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

module.exports = (req, res, next) => {
  const item = ITEM.exec(req.url);
  if (item) serialize(`${item[1]}-${item[2]}`, res, () => handle(req, res, next, item));
  else handle(req, res, next, undefined);
};

function handle(req, res, next, item) {
  const collection = item ? undefined : COLLECTION.exec(req.url);
  const key = item ? `${item[1]}-${item[2]}` : undefined;
  const ifMatch = req.get('If-Match');
  if (key && ifMatch && WRITES.has(req.method) && !passes(ifMatch, etagOf(key))) {
    res
      .status(412)
      .type('application/problem+json')
      .set('Cache-Control', 'no-cache')
      .send(
        JSON.stringify({
          type: 'about:blank',
          title: 'Precondition Failed',
          status: 412,
          detail: `${item[1]} ${item[2]} is at version ${etagOf(key)}, not ${ifMatch}; nothing was changed.`,
        }),
      );
    return;
  }
  // json-server answers through res.jsonp (router.render): version what it sends before Express hashes it.
  const jsonp = res.jsonp.bind(res);
  res.jsonp = (data) => {
    const ok = res.statusCode >= 200 && res.statusCode < 300;
    const id = data && typeof data === 'object' && !Array.isArray(data) ? data.id : undefined;
    if (ok && key && req.method !== 'GET' && req.method !== 'HEAD') bump(key);
    const own =
      key ?? (collection && req.method === 'POST' && id !== undefined ? `${collection[1]}-${id}` : undefined);
    // A create takes a new version even where the id was used before (json-server hands out the
    // largest id + 1 again after the last record is deleted).
    if (ok && own && !key) bump(own);
    if (ok && own && id !== undefined && req.method !== 'DELETE') res.set('ETag', etagOf(own));
    return jsonp(data);
  };
  next();
}
