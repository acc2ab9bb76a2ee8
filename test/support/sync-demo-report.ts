// A realistic sync report for the HTML report's browser test and the docs screenshot: a second run
// over 40 users already synced once, with new users, updates, conflicts (a writer renamed users the
// source renamed too), invalid and duplicate rows, a 409 and a short burst of 503s — on an in-memory
// API and a fake clock (about 90 ms per request), so the timeline spans some seconds.
import { join } from 'node:path';
import type { SyncReport } from '../../src/sync/index.js';
import { runSync } from '../../src/sync/run.js';
import type { Clock } from '../../src/sync/engine.js';
import { memoryTarget } from './memory-target.js';

const person = (n: number, extra: Record<string, unknown> = {}) => ({
  name: `Person ${n}`,
  username: `user${n}`,
  email: `user${n}@example.com`,
  phone: `555-${String(n).padStart(4, '0')}`,
  ...extra,
});

export async function writeDemoReport(dir: string): Promise<SyncReport> {
  let now = Date.UTC(2026, 11, 1, 9, 0, 0);
  const clock: Clock = {
    now: () => now,
    sleep: async (ms) => {
      now += ms;
    },
  };
  const target = memoryTarget();
  const stateDir = join(dir, 'state');
  const reportDir = join(dir, 'report');
  const v1 = Array.from({ length: 40 }, (_, i) => person(i));
  await runSync(target, v1, { stateDir, reportDir: join(dir, 'first') }, 'sync', clock);
  // Ids are index + 1: these are the users of rows 3, 9, 17, 24 and 31, which the source renames too.
  for (const id of [4, 10, 18, 25, 32]) target.edit(id, { name: `Renamed in the app ${id}` });
  let calls = 0;
  target.fault = (op, detail) => {
    now += 90;
    calls++;
    if (op === 'create' && calls > 60 && calls < 80)
      throw Object.assign(new Error('503 Service Unavailable: down for maintenance'), {
        name: 'InternalServerError',
        status: 503,
      });
    if (op === 'create' && (detail as { username?: string }).username === 'user77')
      throw Object.assign(new Error('409 Conflict: the username user77 is taken'), {
        name: 'ConflictError',
        status: 409,
      });
  };
  const source: Record<string, unknown>[] = [];
  for (let i = 0; i < 160; i++) {
    if (i < 40)
      source.push(
        person(
          i,
          [2, 3, 9, 12, 17, 24, 31, 35].includes(i)
            ? { name: `Person ${i} (HR)` }
            : i % 7 === 0
              ? { phone: `+44 20 ${i}` }
              : {},
        ),
      );
    else source.push(i % 23 === 0 ? person(i, { email: `user${i}-at-example.com` }) : person(i));
    if (i % 50 === 49) source.push(person(i - 5, { name: 'Duplicate row' }));
  }
  return runSync(target, source, { stateDir, reportDir, concurrency: 4 }, 'sync', clock);
}
