import { existsSync } from 'node:fs';
import { createServer, type Server, type Socket } from 'node:net';
import { describe, expect, it } from 'vitest';
import { pickFreePort, startJsonServer } from './json-server.js';

const listen = (server: Server, port: number) =>
  new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));

/** A server that takes the port and accepts connections but never answers; close() drops its sockets. */
function squat() {
  const sockets = new Set<Socket>();
  const server = createServer((socket) => {
    sockets.add(socket);
    socket.once('close', () => sockets.delete(socket));
  });
  const close = () =>
    new Promise<void>((resolve) => {
      for (const socket of sockets) socket.destroy();
      server.close(() => resolve());
    });
  return { server, close };
}

describe('startJsonServer', () => {
  it(
    'serves the given collections on a loopback port and removes everything on stop',
    { timeout: 30_000 },
    async () => {
      const server = await startJsonServer({ db: { users: [{ id: 1, name: 'Leanne Graham' }] } });
      try {
        expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
        const res = await fetch(`${server.url}/users/1`);
        expect(await res.json()).toEqual({ id: 1, name: 'Leanne Graham' });
      } finally {
        await server.stop();
      }
      await expect(fetch(`${server.url}/users/1`)).rejects.toThrow();
      expect(existsSync(server.dbPath)).toBe(false);
    },
  );

  it(
    'tries another port when json-server loses the race for the first one (EADDRINUSE)',
    { timeout: 30_000 },
    async () => {
      const squatter = squat();
      const taken = await pickFreePort();
      await listen(squatter.server, taken);
      let calls = 0;
      try {
        const server = await startJsonServer({
          db: { users: [] },
          pickPort: () => (calls++ === 0 ? Promise.resolve(taken) : pickFreePort()),
        });
        await server.stop();
        expect(calls).toBe(2);
        expect(new URL(server.url).port).not.toBe(String(taken));
        expect(server.logs.some((line) => line.includes('EADDRINUSE'))).toBe(true);
      } finally {
        await squatter.close();
      }
    },
  );
});
