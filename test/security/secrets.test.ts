// Promise: no secret in any log line, error message, or toString / JSON / inspect of the client or
// its errors — even when a hostile server echoes the credentials back in its answers.
import { inspect } from 'node:util';
import { describe, expect, it } from 'vitest';
import { ApiError, UserManagementClient, type ClientOptions } from '../../src/index.js';
import { SECRETS, useRecordingLogger, useServer } from './support.js';

const { lines, logger } = useRecordingLogger();
// Echoes every credential it received into the problem, the status text, a header and the title.
const api = useServer((req, res) => {
  if (req.url === '/oauth/token') {
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ access_token: SECRETS.token, expires_in: 3600 }));
    return;
  }
  const echoed = [req.headers['x-api-key'], req.headers.authorization, req.headers['x-team-secret']]
    .filter(Boolean)
    .join(' ');
  res.writeHead(400, {
    'content-type': 'application/problem+json',
    'x-echo': echoed.replace(/[^\x20-\x7e]/g, ''),
  });
  res.end(
    JSON.stringify({
      title: `Bad ${echoed}`,
      detail: `you sent ${echoed}`,
      errors: [{ field: 'password', message: `was ${echoed}` }],
    }),
  );
});

const kinds: [string, Partial<ClientOptions>][] = [
  ['apiKey', { apiKey: SECRETS.apiKey }],
  ['token', { token: SECRETS.token }],
  ['token function', { token: async () => SECRETS.token }],
  ['OAuth2', { auth: { clientId: 'app', clientSecret: SECRETS.clientSecret } }],
];

describe.each(kinds)('with %s and a server that echoes it', (_kind, creds) => {
  it('keeps every secret out of log lines (at debug), the error message, toString and inspect', async () => {
    const c = new UserManagementClient({
      baseUrl: api.url,
      logger,
      logLevel: 'debug',
      headers: { 'X-Team-Secret': SECRETS.header },
      ...creds,
    });
    const err = await c.users
      .create({ name: 'a', username: 'a', email: 'a@x.test', password: SECRETS.password } as never)
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ApiError);
    const shown = [
      lines.join('\n'),
      String(err),
      (err as Error).message,
      inspect(c),
      String(c),
      JSON.stringify(c),
    ].join('\n');
    for (const secret of [SECRETS.apiKey, SECRETS.token, SECRETS.clientSecret, SECRETS.password]) {
      expect(shown).not.toContain(secret);
    }
    expect(lines.length).toBeGreaterThan(0);
  });
});
