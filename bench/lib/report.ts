// Turns part results into the Markdown sections of docs/PERFORMANCE.md. Each section sits between
// `<!-- bench:NAME:start -->` and `<!-- bench:NAME:end -->`, so a re-run replaces only what it measured.
import { readFileSync, writeFileSync } from 'node:fs';
import { format, resolveConfig } from 'prettier';
import type { BundleResult } from '../parts/bundle.js';
import type { ColdImportResult } from '../parts/cold-import.js';
import type { FaultsResult, OutageSample, RecoverySample } from '../parts/faults.js';
import type { LayersResult } from '../parts/layers.js';
import type { MemoryResult } from '../parts/memory.js';
import type { OverheadResult } from '../parts/overhead.js';
import type { RevalidationResult } from '../parts/revalidation.js';
import { CLIENT_NAMES } from './clients.js';
import type { ProfileSummary } from './cpuprofile.js';
import { fmtBytes, fmtInt, fmtMs, fmtPct, fmtRatio, median, quantile, table } from './stats.js';
import type { Environment } from './versions.js';

/** The targets of issue 15, as ratios to bare openapi-fetch measured in the same round. */
export const TARGETS = Object.freeze({
  /** SDK (defaults): sequential p50 at most this × openapi-fetch's. */
  p50: 1.03,
  /** SDK (defaults): throughput at 32 in flight at least this × openapi-fetch's. */
  throughput32: 0.97,
  /** SDK (defaults): CPU µs per call over openapi-fetch in the no-network layer test, at most. */
  cpuUs: 20,
  /** SDK (transport 'undici'): sequential p50 at most this × openapi-fetch's. */
  undiciP50: 0.9,
  /** SDK (transport 'undici'): throughput at 32 in flight at least this × openapi-fetch's. */
  undiciThroughput32: 1.3,
});
/** Heap growth between 25 k and 100 k calls below which memory counts as flat. */
export const FLAT_HEAP_BYTES = 2 * 1024 * 1024;

const BASELINES = [CLIENT_NAMES.openapiFetch, CLIENT_NAMES.fetch, CLIENT_NAMES.undici] as const;
const SDK_VARIANTS = [CLIENT_NAMES.sdk, CLIENT_NAMES.sdkUndici] as const;
type Metric = 'p50' | 'p99' | 'throughput' | 'cpuUs';

/** Median over rounds of (a ÷ b) for one metric, both measured in the same round. */
export function roundRatio(r: OverheadResult, c: number, a: string, b: string, metric: Metric): number {
  const xs = r.samples[c]?.[a] ?? [];
  const ys = r.samples[c]?.[b] ?? [];
  return median(xs.map((x, i) => x[metric] / (ys[i]?.[metric] ?? Number.NaN)));
}

function roundMedian(r: OverheadResult, c: number, client: string, metric: Metric): number {
  return median((r.samples[c]?.[client] ?? []).map((s) => s[metric]));
}

function spread(r: OverheadResult, c: number, client: string, metric: Metric): string {
  const xs = (r.samples[c]?.[client] ?? []).map((s) => s[metric]);
  return `${fmtMs(Math.min(...xs))}–${fmtMs(Math.max(...xs))}`;
}

/** min–max over rounds of (a ÷ b). */
function ratioRange(r: OverheadResult, c: number, a: string, b: string, metric: Metric): string {
  const xs = r.samples[c]?.[a] ?? [];
  const ys = r.samples[c]?.[b] ?? [];
  const ratios = xs.map((x, i) => x[metric] / (ys[i]?.[metric] ?? Number.NaN));
  return `${fmtRatio(Math.min(...ratios))}–${fmtRatio(Math.max(...ratios))}`;
}

/** One target checked on the per-round ratios: their median, min–max, and whether the median meets it. */
export interface RatioVerdict {
  label: string;
  median: number;
  range: string;
  /** `≤ 1.03×` or `≥ 0.97×`. */
  target: string;
  met: boolean;
}

function ratioVerdict(
  r: OverheadResult,
  label: string,
  sdk: string,
  c: number,
  metric: Metric,
  bound: number,
  atMost: boolean,
): RatioVerdict {
  const m = roundRatio(r, c, sdk, CLIENT_NAMES.openapiFetch, metric);
  return {
    label,
    median: m,
    range: ratioRange(r, c, sdk, CLIENT_NAMES.openapiFetch, metric),
    target: `${atMost ? '≤' : '≥'} ${fmtRatio(bound)}`,
    met: atMost ? m <= bound : m >= bound,
  };
}

/** The four latency/throughput targets: default transport and 'undici', against bare openapi-fetch. */
export function overheadVerdicts(r: OverheadResult): RatioVerdict[] {
  const { sdk, sdkUndici } = CLIENT_NAMES;
  return [
    ratioVerdict(r, `${sdk}: sequential p50`, sdk, 1, 'p50', TARGETS.p50, true),
    ratioVerdict(r, `${sdk}: throughput, 32 in flight`, sdk, 32, 'throughput', TARGETS.throughput32, false),
    ratioVerdict(r, `${sdkUndici}: sequential p50`, sdkUndici, 1, 'p50', TARGETS.undiciP50, true),
    ratioVerdict(
      r,
      `${sdkUndici}: throughput, 32 in flight`,
      sdkUndici,
      32,
      'throughput',
      TARGETS.undiciThroughput32,
      false,
    ),
  ];
}

/** SDK (defaults) CPU µs per call over openapi-fetch in the layer test: median and IQR of the paired Δ. */
export function layersVerdict(r: LayersResult): { median: number; q1: number; q3: number; met: boolean } {
  const base = r.cpuUs['openapi-fetch'] ?? [];
  const deltas = (r.cpuUs[CLIENT_NAMES.sdk] ?? []).map((x, i) => x - (base[i] ?? Number.NaN));
  const m = median(deltas);
  return { median: m, q1: quantile(deltas, 0.25), q3: quantile(deltas, 0.75), met: m <= TARGETS.cpuUs };
}

const verdictWord = (met: boolean): string => (met ? '**met**' : '**not met**');

export function renderEnvironment(
  env: Environment,
  extra: { commit: string; wallSeconds: number; load: string; parts: string },
): string {
  const rows = [
    ['Date', env.date],
    [
      'SDK',
      `user-management-sdk ${env.sdk}, ${extra.commit}; measured as packed: \`npm run build\`, \`npm pack\`, the tarball unpacked into bench/.build/node_modules and imported by name (dist/index.js through the package's exports)`,
    ],
    ['Node', `${env.node} (bundled undici ${env.nodeUndici})`],
    ['Machine', `${env.cpus}, ${env.cores} cores, ${env.memory}; ${env.platform}`],
    ['Load average at start (1/5/15 min)', extra.load],
    ...Object.entries(env.packages).map(([name, version]) => [name, version]),
    ['Parts run', extra.parts],
    ['Wall time of this run', `${extra.wallSeconds.toFixed(0)} s`],
  ];
  return table(['', 'version / value'], rows, ['l', 'l']);
}

export function renderOverhead(r: OverheadResult): string {
  const out: string[] = [];
  out.push(
    `${r.rounds} interleaved rounds of ${r.blocksPerRound} blocks; per round and client ${fmtInt(r.callsPerRound['1'] ?? 0)} calls at concurrency 1 and ${fmtInt(r.callsPerRound['32'] ?? 0)} at concurrency 32, after a warm-up. ` +
      'Ratios are computed within each round, then the median over rounds is shown; latency and CPU ratios above 1 mean the SDK is slower or costlier, throughput ratios below 1 mean it is slower. ' +
      '"CPU/call" is the CPU time of the client process per call (`process.cpuUsage()`), the steadiest of these numbers on a busy machine.',
  );
  out.push('');
  out.push(
    table(
      [
        'target (ratio to bare openapi-fetch, same round)',
        'median of rounds',
        'rounds (min–max)',
        'target',
        'verdict',
      ],
      overheadVerdicts(r).map((v) => [v.label, fmtRatio(v.median), v.range, v.target, verdictWord(v.met)]),
      ['l', 'r', 'r', 'r', 'l'],
    ),
  );
  for (const sdk of SDK_VARIANTS) {
    out.push('');
    out.push(`**${sdk}** as a ratio to each baseline:`);
    out.push('');
    const rows = BASELINES.map((b) => [
      b,
      fmtRatio(roundRatio(r, 1, sdk, b, 'p50')),
      fmtRatio(roundRatio(r, 1, sdk, b, 'p99')),
      fmtRatio(roundRatio(r, 1, sdk, b, 'throughput')),
      fmtRatio(roundRatio(r, 32, sdk, b, 'p50')),
      fmtRatio(roundRatio(r, 32, sdk, b, 'p99')),
      fmtRatio(roundRatio(r, 32, sdk, b, 'throughput')),
      fmtRatio(roundRatio(r, 1, sdk, b, 'cpuUs')),
      fmtRatio(roundRatio(r, 32, sdk, b, 'cpuUs')),
    ]);
    out.push(
      table(
        [
          'vs.',
          'p50 c=1',
          'p99 c=1',
          'req/s c=1',
          'p50 c=32',
          'p99 c=32',
          'req/s c=32',
          'CPU/call c=1',
          'CPU/call c=32',
        ],
        rows,
      ),
    );
  }
  out.push('');
  out.push(
    'Absolute values (median over rounds; the range of p50 at c=1 across rounds shows how noisy the machine was):',
  );
  out.push('');
  const clients = r.clients.map((k) => k.name);
  const rows = clients.map((name) => [
    name,
    fmtMs(roundMedian(r, 1, name, 'p50')),
    spread(r, 1, name, 'p50'),
    fmtMs(roundMedian(r, 1, name, 'p99')),
    fmtInt(roundMedian(r, 1, name, 'throughput')),
    fmtMs(roundMedian(r, 32, name, 'p50')),
    fmtMs(roundMedian(r, 32, name, 'p99')),
    fmtInt(roundMedian(r, 32, name, 'throughput')),
    `${roundMedian(r, 1, name, 'cpuUs').toFixed(0)} / ${roundMedian(r, 32, name, 'cpuUs').toFixed(0)}`,
    fmtRatio(roundRatio(r, 1, name, CLIENT_NAMES.openapiFetch, 'p50')),
  ]);
  out.push(
    table(
      [
        'client',
        'p50 c=1',
        'p50 c=1 range',
        'p99 c=1',
        'req/s c=1',
        'p50 c=32',
        'p99 c=32',
        'req/s c=32',
        'client CPU µs/call c=1 / c=32',
        'p50 c=1 ÷ openapi-fetch',
      ],
      rows,
    ),
  );
  out.push('');
  out.push('Transport of each client:');
  out.push('');
  out.push(
    table(
      ['client', 'transport'],
      r.clients.map((k) => [k.name, k.transport]),
      ['l', 'l'],
    ),
  );
  return out.join('\n');
}

export function renderLayers(r: LayersResult): string {
  const base = r.cpuUs['openapi-fetch'] ?? [];
  const v = layersVerdict(r);
  const out: string[] = [];
  out.push(
    `CPU time of the client process per call (\`process.cpuUsage()\`, user + system) with an in-memory fetch — no sockets, no server. ` +
      `Each stack runs in a fresh process of its own (one client per process, as in an application), warms up, then makes ${fmtInt(r.callsPerProcess)} sequential calls; ${r.rounds} rounds, the stacks of a round one after another in an order rotated per round. ` +
      "The global fetch is replaced (in those processes only) by an in-memory one that builds a Request from its input and init the way undici's fetch does (so a passed signal is followed), then answers with the same JSON user; openapi-fetch and the SDK use it as their default fetch. " +
      'Each stack is paired with the openapi-fetch process of the same round; Δ and ratio are medians over rounds (IQR in brackets). ' +
      'Differences between rows are the cost of the code between them, with the noise of the network path removed.',
  );
  out.push('');
  out.push(
    `**Target: ${CLIENT_NAMES.sdk} ≤ +${TARGETS.cpuUs} µs of CPU per call over openapi-fetch** — median Δ ${v.median >= 0 ? '+' : ''}${v.median.toFixed(1)} µs (IQR ${v.q1.toFixed(1)}…${v.q3.toFixed(1)}) → ${verdictWord(v.met)}.`,
  );
  out.push('');
  const iqr = (xs: readonly number[], f: (x: number) => string): string =>
    `${f(quantile(xs, 0.5))} [${f(quantile(xs, 0.25))}…${f(quantile(xs, 0.75))}]`;
  const signed = (x: number): string => `${x >= 0 ? '+' : ''}${x.toFixed(1)}`;
  out.push(
    table(
      ['stack', 'configuration', 'CPU µs / call', 'Δ µs vs openapi-fetch', '÷ openapi-fetch'],
      r.clients.map(({ name, description }) => {
        const xs = r.cpuUs[name] ?? [];
        const deltas = xs.map((x, i) => x - (base[i] ?? Number.NaN));
        const ratios = xs.map((x, i) => x / (base[i] ?? Number.NaN));
        return [name, description, median(xs).toFixed(1), iqr(deltas, signed), iqr(ratios, fmtRatio)];
      }),
      ['l', 'l', 'r', 'r', 'r'],
    ),
  );
  return out.join('\n');
}

export function renderProfile(profiles: readonly { client: string; summary: ProfileSummary }[]): string {
  const out: string[] = [];
  const [first] = profiles;
  if (!first) return '_not run_';
  out.push(
    `\`node --cpu-prof\` (sampling every 1 ms) of the client process during ${fmtInt(first.summary.calls)} sequential calls after warm-up; ` +
      'self time per call, grouped by where the code lives. "Idle" is time spent waiting for the server.' +
      (profiles.every((p) => p.summary.windowed)
        ? ''
        : ' (Some profiles could not be cut to the measured window; they include start-up.)'),
  );
  out.push('');
  const sources = [...new Set(profiles.flatMap((p) => p.summary.bySource.map((s) => s.source)))];
  const bySource = (p: ProfileSummary, source: string): number =>
    p.bySource.find((s) => s.source === source)?.usPerCall ?? 0;
  sources.sort((a, b) => bySource(first.summary, b) - bySource(first.summary, a));
  const rows = sources
    .filter((s) => profiles.some((p) => bySource(p.summary, s) >= 0.5))
    .map((s) => [s, ...profiles.map((p) => `${bySource(p.summary, s).toFixed(1)} µs`)]);
  rows.push([
    '**busy CPU per call**',
    ...profiles.map((p) => `**${p.summary.busyUsPerCall.toFixed(1)} µs**`),
  ]);
  rows.push(['idle per call', ...profiles.map((p) => `${p.summary.idleUsPerCall.toFixed(1)} µs`)]);
  out.push(table(['self time by source', ...profiles.map((p) => p.client)], rows));
  for (const p of profiles) {
    out.push('');
    out.push(`Top self-time functions, ${p.client}:`);
    out.push('');
    out.push(
      table(
        ['function', 'source', 'µs / call', 'share of busy'],
        p.summary.topFunctions.map((f) => [
          `\`${f.name}\``,
          f.source,
          f.usPerCall.toFixed(1),
          fmtPct(f.share),
        ]),
        ['l', 'l', 'r', 'r'],
      ),
    );
  }
  return out.join('\n');
}

export function memoryVerdict(m: MemoryResult): { heapGrowth: number; rssGrowth: number; flat: boolean } {
  const at = (calls: number) => m.checkpoints.find((c) => c.calls === calls);
  const last = m.checkpoints[m.checkpoints.length - 1];
  const quarter = at(m.checkpoints[1]?.calls ?? 0);
  const heapGrowth = (last?.heapUsed ?? 0) - (quarter?.heapUsed ?? 0);
  const rssGrowth = (last?.rss ?? 0) - (quarter?.rss ?? 0);
  const listenersOk =
    (m.maxListenersLeftPerCall ?? 0) === 0 &&
    m.checkpoints.every((c) => (c.sharedSignalListeners ?? 0) === 0);
  const timersOk = m.checkpoints.every((c) => c.timers === 0);
  return { heapGrowth, rssGrowth, flat: heapGrowth < FLAT_HEAP_BYTES && listenersOk && timersOk };
}

const MEMORY_LABELS: Record<string, string> = {
  plain: 'no signal',
  'per-call': 'new AbortController per call',
  shared: 'one long-lived signal for every call',
};

export function renderMemory(results: readonly MemoryResult[]): string {
  const out: string[] = [];
  const [first] = results;
  if (!first) return '_not run_';
  out.push(
    `SDK (defaults), \`client.users.get(1)\` at concurrency ${first.concurrency}, one process per variant run with \`--expose-gc\`` +
      (first.gcExposed ? '' : ' (**gc was not exposed: numbers include garbage**)') +
      '; at each checkpoint the process runs `gc()` three times, 10 ms apart (so FinalizationRegistry callbacks, which undici uses for every Request that follows a signal, get to run), then samples. Checkpoint 0 is after a 5 k-call warm-up. ' +
      `Flat = heap growth from the first quarter to the end < ${fmtBytes(FLAT_HEAP_BYTES)}, no live timer while idle, no abort listener left behind.`,
  );
  out.push('');
  const calls = first.checkpoints.map((c) => c.calls);
  const rows = results.map((m) => {
    const v = memoryVerdict(m);
    const listeners =
      m.variant === 'per-call'
        ? `max ${m.maxListenersLeftPerCall ?? '?'} per signal`
        : m.variant === 'shared'
          ? `${m.checkpoints.map((c) => c.sharedSignalListeners ?? '?').join(' / ')} (peak in flight: ${m.peakSharedListeners ?? '?'})`
          : '—';
    return [
      MEMORY_LABELS[m.variant] ?? m.variant,
      ...m.checkpoints.map((c) => fmtBytes(c.heapUsed)),
      fmtBytes(v.heapGrowth),
      fmtBytes(v.rssGrowth),
      m.checkpoints.map((c) => c.timers).join(' / '),
      listeners,
      v.flat ? '**flat**' : '**grows**',
    ];
  });
  const quarter = calls[1] ?? 0;
  const last = calls[calls.length - 1] ?? 0;
  out.push(
    table(
      [
        'variant',
        ...calls.map((n) => `heap @ ${fmtInt(n)}`),
        `heap Δ ${fmtInt(quarter)}→${fmtInt(last)}`,
        `RSS Δ ${fmtInt(quarter)}→${fmtInt(last)}`,
        'idle timers',
        'abort listeners left',
        'verdict',
      ],
      rows,
    ),
  );
  for (const m of results) {
    if (m.maxListenersWarnings > 0) {
      out.push('');
      out.push(
        `⚠ ${MEMORY_LABELS[m.variant] ?? m.variant}: Node printed \`MaxListenersExceededWarning\` ${m.maxListenersWarnings}× — ` +
          "the SDK adds one abort listener per in-flight call to the caller's signal, so more than 10 concurrent calls sharing a signal trip the warning " +
          '(not a leak: the count returns to 0).',
      );
    }
  }
  out.push('');
  out.push(
    'RSS per checkpoint (MB): ' +
      results
        .map(
          (m) =>
            `${MEMORY_LABELS[m.variant] ?? m.variant}: ${m.checkpoints.map((c) => (c.rss / 2 ** 20).toFixed(0)).join(' / ')}`,
        )
        .join('; ') +
      '.',
  );
  return out.join('\n');
}

export function renderFaults(f: FaultsResult): string {
  const out: string[] = [];
  out.push(
    `Backoff delays shrunk ${1 / f.delayScale}× for time (both sides alike): SDK \`backoff: { baseDelayMs: ${f.backoff.baseDelayMs}, multiplier: ${f.backoff.multiplier}, maxDelayMs: ${f.backoff.maxDelayMs} }\` ` +
      `(full jitter), plain loop min(${500 * f.delayScale} ms × 2^retry, ${8000 * f.delayScale} ms) × (1 − 0.25 × random). Both: maxRetries 2. ` +
      `Breaker \`{ failureThreshold: ${f.breaker.failureThreshold}, halfOpenAfterMs: ${f.breaker.halfOpenAfterMs} }\` (the default half-open delay is 10 000 ms); ` +
      'retry budget at its defaults `{ ratio: 0.2, windowMs: 10000, minRetries: 3 }`. A fresh client per scenario. Calls arrive open-loop at a fixed rate.',
  );
  out.push('');
  out.push(
    `**Random 503s** (server PRNG seed ${f.seed}, the same fault sequence for every client), ${fmtInt(f.random.calls)} calls at ${f.random.ratePerSec}/s, ` +
      `median of ${f.random.rounds} rotated rounds (success-rate range in brackets). "req/call" = requests that reached the server ÷ logical calls.`,
  );
  out.push('');
  const rates = Object.keys(f.randomSamples);
  const header = ['client'];
  for (const p of rates) {
    const pct = `${Math.round(Number(p) * 100)} %`;
    header.push(`${pct}: success`, `${pct}: p50`, `${pct}: p99`, `${pct}: req/call`);
  }
  const rows = f.clients.map(({ name }) => {
    const row = [name];
    for (const p of rates) {
      const s = f.randomSamples[p]?.[name] ?? [];
      const ok = s.map((x) => x.successRate);
      row.push(
        `${fmtPct(median(ok))} [${fmtPct(Math.min(...ok))}–${fmtPct(Math.max(...ok))}]`,
        fmtMs(median(s.map((x) => x.p50))),
        fmtMs(median(s.map((x) => x.p99))),
        median(s.map((x) => x.amplification)).toFixed(2),
      );
    }
    return row;
  });
  out.push(table(header, rows));
  out.push('');
  out.push(
    `**Full outage — amplification**: ${fmtInt(f.outage.calls)} calls at ${f.outage.ratePerSec}/s while every request gets 503, or while the port is closed ` +
      '(connection refused: nothing reaches a server, so attempts are counted where the client hands them to fetch). 3.00 = every call tried 3 times.',
  );
  out.push('');
  const o = (s: OutageSample | undefined, key: 'serverPerCall' | 'attemptsPerCall'): string => {
    const x = s?.[key];
    return x === undefined ? '—' : x.toFixed(2);
  };
  out.push(
    table(
      [
        'client',
        '503: requests at server / call',
        '503: median time to fail',
        'refused: attempts / call',
        'refused: median time to fail',
      ],
      f.clients.map(({ name }) => [
        name,
        o(f.outage503[name], 'serverPerCall'),
        fmtMs(f.outage503[name]?.p50 ?? Number.NaN),
        o(f.outageRefused[name], 'attemptsPerCall'),
        fmtMs(f.outageRefused[name]?.p50 ?? Number.NaN),
      ]),
    ),
  );
  out.push('');
  out.push(
    `**Recovery**: ${f.recovery.outageMs} ms of outage, then the server is back for ${f.recovery.afterMs} ms; calls keep arriving at ${f.recovery.ratePerSec}/s. ` +
      '"first success" = time from the server\'s return to the first successful call; "failed after return" = calls started after the return that still failed.',
  );
  out.push('');
  const rec = (s: RecoverySample | undefined): [string, string] =>
    s ? [fmtMs(s.firstSuccessMs), `${s.failedAfterReturn} of ${s.callsAfterReturn}`] : ['—', '—'];
  out.push(
    table(
      [
        'client',
        '503 outage: first success',
        '503: failed after return',
        'refused: first success',
        'refused: failed after return',
      ],
      f.clients.map(({ name }) => [name, ...rec(f.recovery503[name]), ...rec(f.recoveryRefused[name])]),
    ),
  );
  return out.join('\n');
}

export function renderBundle(b: BundleResult): string {
  const out: string[] = [];
  out.push(
    `The SDK's browser bundles are the entries of package.json \`"size-limit"\`, measured by size-limit ${b.sizeLimit} (esbuild, every dependency bundled, minified, gzip) on dist/ — what \`npm run size\` enforces in CI. ` +
      `openapi-fetch, for scale: a tiny app making one GET, bundled by esbuild ${b.esbuild} for the browser (ESM, minified), gzip level 9.`,
  );
  out.push('');
  const base = b.openapiFetch.gzip;
  out.push(
    table(
      ['bundle', 'gzip', 'budget', '÷ openapi-fetch'],
      [
        ...b.sdk.map((e) => [
          e.name,
          `**${fmtInt(e.gzip)} B**`,
          e.limit !== undefined ? `${fmtInt(e.limit)} B${e.gzip > e.limit ? ' (**over**)' : ''}` : '—',
          fmtRatio(e.gzip / base),
        ]),
        [b.openapiFetch.name, `${fmtInt(base)} B`, '—', fmtRatio(1)],
      ],
      ['l', 'r', 'r', 'r'],
    ),
  );
  return out.join('\n');
}

export function renderColdImport(c: ColdImportResult): string {
  const out: string[] = [];
  out.push(
    `\`await import()\` of each module in a fresh \`node\` process, timed inside it with \`performance.now()\` (Node's own start-up left out); ${c.samples} processes per module, alternating. The SDK is imported by its package name from the packed copy.`,
  );
  out.push('');
  out.push(
    table(
      ['module', 'median', 'min–max'],
      Object.entries(c.ms).map(([name, xs]) => [
        name.includes('/') ? 'user-management-sdk (dist/index.js)' : name,
        `**${fmtMs(median(xs))}**`,
        `${fmtMs(Math.min(...xs))}–${fmtMs(Math.max(...xs))}`,
      ]),
      ['l', 'r', 'r'],
    ),
  );
  return out.join('\n');
}

/** Replaces the text between a section's markers; appends the section when the markers are missing. */
export function replaceSection(doc: string, name: string, body: string): string {
  const start = `<!-- bench:${name}:start -->`;
  const end = `<!-- bench:${name}:end -->`;
  const block = `${start}\n${body.trim()}\n${end}`;
  const i = doc.indexOf(start);
  const j = doc.indexOf(end);
  if (i >= 0 && j > i) return doc.slice(0, i) + block + doc.slice(j + end.length);
  return `${doc.trimEnd()}\n\n${block}\n`;
}

/** Formats `text` as Prettier would for `path` (the repo's config), so `npm run format` leaves it alone. */
export async function formatLikeRepo(path: string, text: string): Promise<string> {
  const options = await resolveConfig(path);
  return format(text, { ...options, filepath: path });
}

export async function updateDocument(
  path: string,
  sections: Readonly<Record<string, string>>,
): Promise<void> {
  let doc: string;
  try {
    doc = readFileSync(path, 'utf8');
  } catch {
    doc = '# Performance\n';
  }
  for (const [name, body] of Object.entries(sections)) doc = replaceSection(doc, name, body);
  writeFileSync(path, await formatLikeRepo(path, doc));
}

export function renderRevalidation(r: RevalidationResult): string {
  const out: string[] = [];
  out.push(
    `The same GET through two SDK clients against the bench server (its own process, keep-alive loopback): one without a cache (every call a full \`200\`), one with \`cache: {}\`, primed once, so every call sends \`If-None-Match\` and gets \`304 Not Modified\` with no body, answered with a fresh copy from the cache. ` +
      `${r.rounds} rounds × ${r.blocksPerRound} interleaved blocks of ${fmtInt(r.callsPerBlock)} sequential calls per client; ratios are revalidated ÷ full within each round, median over rounds. Both clients send exactly one request per call ("server req/call").`,
  );
  out.push('');
  out.push(
    table(
      [
        'resource',
        'client',
        'p50',
        'p99',
        'calls/s',
        'CPU/call',
        'server req/call',
        'p50 ÷ full',
        'CPU ÷ full',
      ],
      r.rows.flatMap((row) => [
        [
          row.resource,
          'full GET (200)',
          fmtMs(row.full.p50),
          fmtMs(row.full.p99),
          fmtInt(row.full.throughput),
          `${row.full.cpuUs.toFixed(0)} µs`,
          row.serverPerCall.full.toFixed(2),
          '1.00×',
          '1.00×',
        ],
        [
          row.resource,
          'revalidated GET (304)',
          fmtMs(row.revalidated.p50),
          fmtMs(row.revalidated.p99),
          fmtInt(row.revalidated.throughput),
          `${row.revalidated.cpuUs.toFixed(0)} µs`,
          row.serverPerCall.revalidated.toFixed(2),
          `**${fmtRatio(median(row.p50Ratios))}**`,
          fmtRatio(median(row.cpuRatios)),
        ],
      ]),
    ),
  );
  return out.join('\n');
}
