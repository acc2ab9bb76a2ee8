// BufferedResponse: the Response `transport: 'undici'` hands over, its body already in memory. It must
// read as fetch's responses do (text, json, bytes, blob, a stream on demand, one read only), and the
// transport must hand one over for chunked bodies too, under the size cap.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { ResponseTooLargeError, UserManagementClient } from '../../src/index.js';
import { defineBufferedResponse } from '../../src/transport/buffered-response.js';

const BufferedResponse = defineBufferedResponse(Response);

const utf8 = (text: string): Uint8Array => new TextEncoder().encode(text);
const init = {
  status: 200,
  statusText: 'OK',
  headers: [['content-type', 'application/json']] as [string, string][],
};

describe('BufferedResponse', () => {
  it('is a Response with the status and headers it was given', () => {
    const r = new BufferedResponse(utf8('{}'), init);
    expect(r).toBeInstanceOf(Response);
    expect(r.status).toBe(200);
    expect(r.ok).toBe(true);
    expect(r.statusText).toBe('OK');
    expect(r.headers.get('content-type')).toBe('application/json');
  });

  it('reads its bytes as text (BOM dropped, bad UTF-8 replaced), JSON, bytes, an ArrayBuffer and a Blob', async () => {
    const text = 'héllo ✓';
    await expect(new BufferedResponse(utf8(`\uFEFF${text}`), init).text()).resolves.toBe(text);
    await expect(new BufferedResponse(new Uint8Array([0x61, 0xff]), init).text()).resolves.toBe('a\uFFFD');
    await expect(new BufferedResponse(utf8('{"id":1}'), init).json()).resolves.toEqual({ id: 1 });
    await expect(new BufferedResponse(utf8(text), init).bytes()).resolves.toEqual(utf8(text));
    const buf = await new BufferedResponse(utf8(text), init).arrayBuffer();
    expect(new TextDecoder().decode(buf)).toBe(text);
    const blob = await new BufferedResponse(utf8(text), init).blob();
    expect(blob.type).toBe('application/json');
    await expect(blob.text()).resolves.toBe(text);
  });

  it('gives the bytes once, as any Response: a second read rejects, bodyUsed says so, clone refuses', async () => {
    const r = new BufferedResponse(utf8('{"id":1}'), init);
    expect(r.bodyUsed).toBe(false);
    const copy = r.clone();
    await r.json();
    expect(r.bodyUsed).toBe(true);
    await expect(r.text()).rejects.toBeInstanceOf(TypeError);
    expect(() => r.clone()).toThrow(TypeError);
    await expect(copy.json()).resolves.toEqual({ id: 1 });
  });

  it('makes a body stream on demand, which then owns the bytes; a null-body response has none', async () => {
    const r = new BufferedResponse(utf8('streamed'), init);
    const body = r.body;
    expect(body).not.toBeNull();
    expect(r.body).toBe(body);
    await expect(new Response(body).text()).resolves.toBe('streamed');
    expect(r.bodyUsed).toBe(true);
    await expect(r.text()).rejects.toBeInstanceOf(TypeError);
    const empty = new BufferedResponse(null, { status: 204, headers: [] });
    expect(empty.body).toBeNull();
    await expect(empty.text()).resolves.toBe('');
  });
});

describe("transport: 'undici' reads bodies into a BufferedResponse", () => {
  let server: Server | undefined;
  afterEach(async () => {
    await new Promise((resolve) => server?.close(resolve));
    server = undefined;
  });

  /** A server that answers every request with `body` in `chunks` pieces, chunked (no Content-Length). */
  async function chunkedServer(status: number, body: string, chunks: number): Promise<string> {
    server = createServer((req, res) => {
      req.resume();
      res.writeHead(status, { 'content-type': 'application/json', 'x-request-id': 'r1' });
      const size = Math.ceil(body.length / chunks);
      for (let i = 0; i < body.length; i += size) res.write(body.slice(i, i + size));
      res.end();
    });
    await new Promise<void>((resolve) => server!.listen(0, '127.0.0.1', resolve));
    return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  }

  it('joins a chunked body and shows a real Response through withResponse()', async () => {
    const user = { id: 1, name: 'x'.repeat(5000) };
    const baseUrl = await chunkedServer(200, JSON.stringify(user), 7);
    const client = new UserManagementClient({ baseUrl, transport: 'undici', logLevel: 'off' });
    const { data, response, requestId } = await client.users.get(1).withResponse();
    expect(data).toEqual(user);
    expect(response).toBeInstanceOf(Response);
    expect(response.status).toBe(200);
    expect(requestId).toBe('r1');
  });

  it('stops a chunked 2xx body at maxResponseBytes: ResponseTooLargeError', async () => {
    const baseUrl = await chunkedServer(200, JSON.stringify({ id: 1, name: 'x'.repeat(5000) }), 5);
    const client = new UserManagementClient({
      baseUrl,
      transport: 'undici',
      logLevel: 'off',
      maxResponseBytes: 2048,
      maxRetries: 0,
    });
    const err = await client.users.get(1).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ResponseTooLargeError);
    expect(err).toMatchObject({ limitBytes: 2048 });
  });

  it('serves `raw` too: openapi-fetch reads the body, and a stream when asked for one', async () => {
    const user = { id: 1, name: 'Ada' };
    const baseUrl = await chunkedServer(200, JSON.stringify(user), 2);
    const client = new UserManagementClient({ baseUrl, transport: 'undici', logLevel: 'off' });
    const { data, response } = await client.raw.GET('/users/{id}', { params: { path: { id: 1 } } });
    expect(data).toEqual(user);
    expect(response.status).toBe(200);
    const streamed = await client.raw.GET('/users/{id}', { params: { path: { id: 1 } }, parseAs: 'stream' });
    await expect(new Response(streamed.data).json()).resolves.toEqual(user);
  });
});
