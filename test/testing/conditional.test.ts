// The mock's conditional requests, straight through mock.fetch: the ETags the spec declares, 304 for an
// unchanged read, 412 for a stale write — the semantics a consumer's tests should see.
import { describe, expect, it } from 'vitest';
import { createMockApi } from '../../src/testing/index.js';

const ada = { id: 1, name: 'Ada Lovelace', username: 'ada', email: 'ada@example.com' };

function setup() {
  const mock = createMockApi({ data: { users: [ada] } });
  const call = (method: string, path: string, headers: Record<string, string> = {}, body?: unknown) =>
    mock.fetch(
      new Request(`${mock.baseUrl}${path}`, {
        method,
        headers: { 'Content-Type': 'application/json', ...headers },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      }),
    );
  return { mock, call };
}

describe('the mock and conditional requests', () => {
  it('sends a strong ETag with a read, the same one while nothing changes', async () => {
    const { call } = setup();
    const a = (await call('GET', '/users/1')).headers.get('etag');
    const b = (await call('GET', '/users/1')).headers.get('etag');
    expect(a).toMatch(/^"[0-9a-f]{16}"$/);
    expect(b).toBe(a);
  });

  it('answers 304 with no body to If-None-Match of the current version, weak or strong', async () => {
    const { call } = setup();
    const etag = (await call('GET', '/users/1')).headers.get('etag') as string;
    const strong = await call('GET', '/users/1', { 'If-None-Match': etag });
    expect(strong.status).toBe(304);
    expect(await strong.text()).toBe('');
    expect(strong.headers.get('etag')).toBe(etag);
    expect((await call('GET', '/users/1', { 'If-None-Match': `W/${etag}` })).status).toBe(304);
    expect((await call('GET', '/users/1', { 'If-None-Match': '"other"' })).status).toBe(200);
  });

  it('revalidates lists too, and a write changes their version', async () => {
    const { call } = setup();
    const list = await call('GET', '/users?_page=1&_limit=10');
    const etag = list.headers.get('etag') as string;
    expect((await call('GET', '/users?_page=1&_limit=10', { 'If-None-Match': etag })).status).toBe(304);
    await call('PATCH', '/users/1', {}, { name: 'Ada King' });
    expect((await call('GET', '/users?_page=1&_limit=10', { 'If-None-Match': etag })).status).toBe(200);
  });

  it('answers 412 problem details to a write under a stale If-Match, and changes nothing', async () => {
    const { call } = setup();
    const etag = (await call('GET', '/users/1')).headers.get('etag') as string;
    const ok = await call('PATCH', '/users/1', { 'If-Match': etag }, { name: 'First' });
    expect(ok.status).toBe(200);
    expect(ok.headers.get('etag')).not.toBe(etag);
    const stale = await call('PATCH', '/users/1', { 'If-Match': etag }, { name: 'Second' });
    expect(stale.status).toBe(412);
    expect(stale.headers.get('content-type')).toBe('application/problem+json');
    expect(await stale.json()).toMatchObject({ status: 412, title: 'Precondition Failed' });
    expect((await call('DELETE', '/users/1', { 'If-Match': etag })).status).toBe(412);
    expect(await (await call('GET', '/users/1')).json()).toMatchObject({ name: 'First' });
    // `*` matches any current record; a weak tag never matches (strong comparison).
    expect(
      (await call('PATCH', '/users/1', { 'If-Match': `W/${ok.headers.get('etag')}` }, { name: 'x' })).status,
    ).toBe(412);
    expect((await call('PATCH', '/users/1', { 'If-Match': '*' }, { name: 'Star' })).status).toBe(200);
  });
});
