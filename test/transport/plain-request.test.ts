// PlainRequest: what openapi-fetch builds for the SDK's own fetch calls, so each attempt makes one
// Request (inside fetch) instead of two. It must carry every part of the request openapi-fetch puts in.
import createClient from 'openapi-fetch';
import { describe, expect, it } from 'vitest';
import type { paths } from '../../src/http/api-types.js';
import { PlainRequest } from '../../src/transport/plain-request.js';

describe('PlainRequest', () => {
  it('keeps what openapi-fetch builds: URL with path and query, method, merged headers, JSON body', async () => {
    const seen: PlainRequest[] = [];
    const client = createClient<paths>({
      baseUrl: 'https://api.example.com/v1',
      headers: { Accept: 'application/json', 'X-SDK-Version': 'x/1' },
      Request: PlainRequest as unknown as typeof Request,
      redirect: 'manual',
      fetch: (req: Request) => {
        seen.push(req as unknown as PlainRequest);
        return Promise.resolve(Response.json({ id: 1 }, { status: 201 }));
      },
    });
    await client.request(
      'post' as never,
      '/users' as never,
      {
        body: '{"name":"Ada"}',
        bodySerializer: (b: unknown) => b,
        headers: { 'Idempotency-Key': 'k' },
        params: { query: { dryRun: true } },
      } as never,
    );
    const [req] = seen;
    expect(req).toBeInstanceOf(PlainRequest);
    expect(req?.url).toBe('https://api.example.com/v1/users?dryRun=true');
    expect(req?.method).toBe('POST');
    expect(req?.redirect).toBe('manual');
    expect(Object.fromEntries(req?.headers ?? [])).toEqual({
      accept: 'application/json',
      'x-sdk-version': 'x/1',
      'idempotency-key': 'k',
      'content-type': 'application/json',
    });
    expect(req?.body).toBe('{"name":"Ada"}');
  });

  it('hands fetch its parts with the attempt’s signal, and clones and reads its body', async () => {
    const ctl = new AbortController();
    const req = new PlainRequest('https://h/users', {
      method: 'PUT',
      headers: { a: '1' },
      body: 'héllo',
      redirect: 'manual',
    });
    const init = req.init(ctl.signal);
    expect(init).toMatchObject({ method: 'PUT', body: 'héllo', redirect: 'manual', signal: ctl.signal });
    // fetch builds the one real Request from them, and validates it there.
    const real = new Request(req.url, init);
    expect(await real.text()).toBe('héllo');
    expect(real.headers.get('a')).toBe('1');
    expect(new TextDecoder().decode(await req.clone().arrayBuffer())).toBe('héllo');
    expect(new PlainRequest('https://h/users').body).toBeNull();
    expect(() => new Request(req.url, { ...init, headers: { bad: 'x\ny' } })).toThrow(TypeError);
  });
});
