// A json-server 0.17 middleware for the conformance run. json-server's nested POST
// (`POST /groups/1/memberships`) stores the path id as the string "1" (its nested router copies
// `req.params.id` into the body unconverted), which breaks the spec's integer `groupId`. This takes the
// route first: it parses the body, sets `groupId` to the number, and hands on `POST /memberships`.
// Everything else — the nested GET included, whose string filter json-server compares loosely — is untouched.
'use strict';
const bodyParser = require('body-parser');
const pluralize = require('pluralize');

const parseJson = bodyParser.json({ limit: '10mb' });

module.exports = (req, res, next) => {
  const m = /^\/([^/?]+)\/(\d+)\/([^/?]+)\/?(\?.*)?$/.exec(req.url);
  if (req.method !== 'POST' || !m) return next();
  parseJson(req, res, (err) => {
    if (err) return next(err);
    const [, resource, id, nested, query = ''] = m;
    req.body = { ...(req.body ?? {}), [`${pluralize.singular(resource)}Id`]: Number(id) };
    req.url = `/${nested}${query}`;
    next();
  });
};
