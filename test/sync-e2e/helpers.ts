// Data, server control and the end-state check shared by the sync end-to-end scenarios.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { inject } from 'vitest';
import { UserManagementClient, type ClientOptions, type User } from '../../src/index.js';
import type { JsonServerAppOptions } from '../support/json-server.js';

export const apiUrl = (): string => inject('syncApiUrl');
export const serverUrl = (): string => inject('syncServerUrl');

/** What the server's faults and middleware did since the last `control` call. */
export interface ServerStats {
  injected503: number;
  dropped: number;
  replayed: number;
  preconditionFailed: number;
}

/** Replaces the server's users and fault settings; returns the stats since the previous call. */
export async function control(
  body: JsonServerAppOptions & { users?: readonly object[] },
): Promise<ServerStats> {
  const res = await fetch(`${serverUrl()}/__control`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ failRate: 0, dropAfterCreateRate: 0, ...body }),
  });
  if (!res.ok) throw new Error(`control: ${res.status}`);
  return ((await res.json()) as { stats: ServerStats }).stats;
}

/** Every user on the server, read directly from json-server. */
export async function serverUsers(): Promise<User[]> {
  return (await (await fetch(`${serverUrl()}/users`)).json()) as User[];
}

/**
 * A client against Prism with fast backoff. Prism's verdicts are collected: `violations` lists every
 * response it flagged, except the 412 the spec does not declare yet (issue 14 adds it).
 */
export function testClient(options: ClientOptions = {}): {
  client: UserManagementClient;
  violations: string[];
} {
  const violations: string[] = [];
  const client = new UserManagementClient({
    baseUrl: apiUrl(),
    apiKey: 'sync-e2e',
    maxConcurrency: 8,
    backoff: { baseDelayMs: 10, maxDelayMs: 50 },
    circuitBreaker: false,
    async fetch(input, init) {
      const res = await fetch(input, init);
      const v = res.headers.get('sl-violations');
      if (v && res.status !== 412) violations.push(`${res.status} ${v}`);
      return res;
    },
    ...options,
  });
  return { client, violations };
}

export interface Row {
  name: string;
  username: string;
  email: string;
  phone?: string;
  website?: string;
}

export const row = (n: number, extra: Partial<Row> = {}): Row => ({
  name: `Person ${n}`,
  username: `user${n}`,
  email: `user${n}@example.com`,
  phone: `555-${String(n).padStart(4, '0')}`,
  ...extra,
});

/** Writes rows as CSV (quoted where needed); `raw` lines are written as they are. */
export function writeCsv(dir: string, name: string, rows: readonly (Row | { raw: string })[]): string {
  const cols = ['name', 'username', 'email', 'phone', 'website'] as const;
  const q = (v: string | undefined): string =>
    v === undefined ? '' : /[",\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v;
  const lines = [cols.join(',')];
  for (const r of rows) lines.push('raw' in r ? r.raw : cols.map((c) => q(r[c])).join(','));
  const path = join(dir, name);
  writeFileSync(path, `${lines.join('\n')}\n`);
  return path;
}

/** The fields a row maps to (the default map drops empty cells). */
export function mapped(r: Row): Record<string, string> {
  return Object.fromEntries(Object.entries(r).filter(([, v]) => v !== undefined && v !== ''));
}

/**
 * The end state every scenario checks: no two users share an email; every expected user is on the
 * server with the mapped fields, unless its key is in `excused` (dead-lettered or conflicting).
 */
export async function expectServerEquals(
  expected: ReadonlyMap<string, Record<string, string>>,
  excused: ReadonlySet<string>,
): Promise<{ users: User[]; missing: string[]; different: string[]; duplicates: string[] }> {
  const users = await serverUsers();
  const byEmail = new Map<string, User[]>();
  for (const u of users) byEmail.set(u.email, [...(byEmail.get(u.email) ?? []), u]);
  const duplicates = [...byEmail].filter(([, list]) => list.length > 1).map(([e]) => e);
  const missing: string[] = [];
  const different: string[] = [];
  for (const [email, fields] of expected) {
    if (excused.has(email)) continue;
    const u = byEmail.get(email)?.[0];
    if (!u) missing.push(email);
    else if (Object.entries(fields).some(([k, v]) => (u as unknown as Record<string, unknown>)[k] !== v))
      different.push(email);
  }
  return { users, missing, different, duplicates };
}
