// json-server 0.17 as a library, for tests that need what its CLI cannot give: the conditional
// middleware with the database (json-server-conditional.cjs: versions, If-Match → 412 also for a record
// that is gone, Idempotency-Key replay) and seeded fault injection.
// Usage: node json-server-app.cjs <db.json> <port> '<options JSON>'
//   options: { failRate?: number (503s before handling), dropAfterCreateRate?: number (create, then reset
//   the connection), seed?: number }
// POST /__control with a JSON body of the same options (and `users` to replace the data) changes them
// between test cases; it is not part of the API (call it on json-server, not through Prism).
'use strict';

const jsonServer = require('json-server');
const { createConditional } = require('./json-server-conditional.cjs');

const [dbPath, port, optionsJson] = process.argv.slice(2);
const options = JSON.parse(optionsJson || '{}');

// mulberry32: a seeded PRNG, so a failing run can be replayed with the same faults.
let seed = (options.seed ?? 1) >>> 0;
const random = () => {
  seed = (seed + 0x6d2b79f5) >>> 0;
  let t = seed;
  t = Math.imul(t ^ (t >>> 15), t | 1);
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
};

/** What the faults and the middleware did, returned by POST /__control (and reset by it). */
const stats = { injected503: 0, dropped: 0, replayed: 0, preconditionFailed: 0 };

const app = jsonServer.create();
// In memory (lowdb's Memory adapter): the file adapter rewrites the whole db.json on every write, which
// made a few thousand creates take most of a minute.
const router = jsonServer.router(JSON.parse(require('node:fs').readFileSync(dbPath, 'utf8')));
const cond = createConditional({ db: router.db, idempotency: true });
app.use(jsonServer.defaults({ logger: false, noCors: true }));
app.use(jsonServer.bodyParser);
app.post('/__control', (req, res) => {
  const { users, ...rest } = req.body ?? {};
  Object.assign(options, rest);
  if (rest.seed !== undefined) seed = rest.seed >>> 0;
  if (Array.isArray(users)) {
    router.db.setState({ ...router.db.getState(), users }).write();
    cond.reset();
  }
  res.json({ ok: true, options, stats: { ...stats } });
  for (const k of Object.keys(stats)) stats[k] = 0;
});
app.use((req, res, next) => {
  if (options.failRate && req.path.startsWith('/users') && random() < options.failRate) {
    stats.injected503++;
    return res
      .status(503)
      .set('Retry-After', '0')
      .type('application/problem+json')
      .send(
        JSON.stringify({
          type: 'about:blank',
          title: 'Service Unavailable',
          status: 503,
          detail: 'injected',
        }),
      );
  }
  if (options.dropAfterCreateRate && req.method === 'POST' && random() < options.dropAfterCreateRate) {
    stats.dropped++;
    res.locals.dropResponse = true;
  }
  res.on('finish', () => {
    if (res.getHeader('Idempotent-Replayed')) stats.replayed++;
    if (res.statusCode === 412) stats.preconditionFailed++;
  });
  next();
});
app.use(cond.middleware);
app.use(router);
app.listen(Number(port), '127.0.0.1', () => {
  process.stdout.write(`JSON Server is running on ${port}\n`);
});
