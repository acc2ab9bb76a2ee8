// `npm run bench [-- --only overhead,memory] [-- --quick] [-- --no-write] [-- --no-build]`
// Builds and packs the package (bench/lib/packed-sdk.ts; --no-build packs the dist/ already built), runs
// each part in its own child process (each starts its own server process), then rewrites the generated
// sections of docs/PERFORMANCE.md and bench/results/latest.json.
import { execFileSync, fork, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';
import type { BundleResult } from './parts/bundle.js';
import type { ColdImportResult } from './parts/cold-import.js';
import type { FaultsResult } from './parts/faults.js';
import type { LayersResult } from './parts/layers.js';
import type { MemoryResult } from './parts/memory.js';
import type { OverheadResult } from './parts/overhead.js';
import type { RevalidationResult } from './parts/revalidation.js';
import type { ProfileRun } from './parts/profile.js';
import type { PartMessage } from './lib/child.js';
import { CLIENT_NAMES } from './lib/clients.js';
import { summarizeProfile, type ProfileSummary } from './lib/cpuprofile.js';
import {
  layersVerdict,
  memoryVerdict,
  overheadVerdicts,
  renderBundle,
  renderColdImport,
  renderEnvironment,
  renderFaults,
  renderLayers,
  renderMemory,
  renderOverhead,
  renderProfile,
  renderRevalidation,
  updateDocument,
  formatLikeRepo,
} from './lib/report.js';
import { fmtBytes, fmtInt, fmtMs, fmtPct, fmtRatio, median, table } from './lib/stats.js';
import { BUILD_DIR, packSdk } from './lib/packed-sdk.js';
import { environment, REPO_ROOT } from './lib/versions.js';

const PARTS = [
  'overhead',
  'layers',
  'profile',
  'memory',
  'coldImport',
  'faults',
  'revalidation',
  'bundle',
] as const;
type Part = (typeof PARTS)[number];

/** A full run takes about 5 minutes; a stuck part is killed at 9. */
const TOTAL_BUDGET_MS = 9 * 60_000;
const DOC = join(REPO_ROOT, 'docs/PERFORMANCE.md');
const RESULTS = join(REPO_ROOT, 'bench/results/latest.json');

/** Bumped when a part's result changes shape: results of another version are not merged or rendered. */
const RESULTS_VERSION = 2;

interface Results {
  version?: number;
  overhead?: OverheadResult;
  layers?: LayersResult;
  profile?: { client: string; summary: ProfileSummary }[];
  memory?: MemoryResult[];
  coldImport?: ColdImportResult;
  faults?: FaultsResult;
  revalidation?: RevalidationResult;
  bundle?: BundleResult;
}

const args = process.argv.slice(2);
const flag = (name: string): string | undefined => {
  const i = args.indexOf(name);
  if (i >= 0) return args[i + 1];
  return args.find((a) => a.startsWith(`${name}=`))?.slice(name.length + 1);
};
const quick = args.includes('--quick');
// Re-render docs/PERFORMANCE.md from bench/results/latest.json without measuring anything.
const renderOnly = args.includes('--render');
const skipBuild = args.includes('--no-build');
const write = !args.includes('--no-write') && !quick;
const only = flag('--only');
const selected: Part[] = only ? (only.split(',').map((s) => s.trim()) as Part[]) : [...PARTS];
for (const part of selected) {
  if (!PARTS.includes(part)) {
    console.error(`Unknown part "${part}". Parts: ${PARTS.join(', ')}.`);
    process.exit(2);
  }
}
const passRounds = flag('--rounds') !== undefined ? ['--rounds', String(flag('--rounds'))] : [];
const common = quick ? ['--quick'] : [];

const startedAt = Date.now();
let current: ChildProcess | undefined;
const watchdog = setTimeout(() => {
  console.error(`bench: over the ${TOTAL_BUDGET_MS / 60_000}-minute budget; stopping.`);
  if (current?.pid !== undefined) current.kill('SIGKILL');
  rmSync(BUILD_DIR, { recursive: true, force: true });
  process.exit(1);
}, TOTAL_BUDGET_MS);
watchdog.unref();
process.once('SIGINT', () => {
  rmSync(BUILD_DIR, { recursive: true, force: true });
  process.exit(130);
});

/** Forks `bench/parts/<script>.ts` under tsx and resolves with the result it sends back. */
function runChild<T>(
  script: string,
  childArgs: readonly string[],
  nodeFlags: readonly string[] = [],
): Promise<T> {
  return new Promise((resolve, reject) => {
    const child = fork(join(REPO_ROOT, 'bench/parts', `${script}.ts`), [...childArgs], {
      cwd: REPO_ROOT,
      execArgv: [...nodeFlags, '--import', 'tsx'],
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    });
    current = child;
    let message: PartMessage | undefined;
    child.on('message', (m: PartMessage) => {
      message = m;
    });
    // Settle on exit, not on the message: --cpu-prof writes its file while the process exits.
    child.on('exit', (code, signal) => {
      current = undefined;
      if (message?.type === 'result') resolve(message.result as T);
      else if (message?.type === 'error') reject(new Error(`${script} failed:\n${message.error}`));
      else reject(new Error(`${script} exited (${signal ?? String(code)}) without a result`));
    });
  });
}

async function runProfile(
  client: string,
  calls: number,
): Promise<{ client: string; summary: ProfileSummary }> {
  const dir = mkdtempSync(join(os.tmpdir(), 'bench-cpuprof-'));
  try {
    const run = await runChild<ProfileRun>(
      'profile',
      ['--client', client, '--calls', String(calls)],
      ['--cpu-prof', `--cpu-prof-dir=${dir}`],
    );
    // tsx's loader runs on its own thread, which writes its own (idle) profile: take the largest.
    const files = readdirSync(dir)
      .filter((f) => f.endsWith('.cpuprofile'))
      .map((f) => join(dir, f))
      .sort((a, b) => statSync(b).size - statSync(a).size);
    const file = files[0];
    if (!file) throw new Error('no .cpuprofile written');
    return { client, summary: summarizeProfile(file, run.calls, run.startUs, run.endUs) };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

async function runPart(part: Part, results: Results): Promise<void> {
  const t0 = Date.now();
  console.error(`bench: ${part}…`);
  switch (part) {
    case 'overhead':
      results.overhead = await runChild<OverheadResult>(
        'overhead',
        [...common, ...passRounds],
        ['--expose-gc'],
      );
      break;
    case 'layers':
      results.layers = await runChild<LayersResult>('layers', common, ['--expose-gc']);
      break;
    case 'profile': {
      const calls = quick ? 2000 : 15_000;
      results.profile = [
        await runProfile(CLIENT_NAMES.sdk, calls),
        await runProfile(CLIENT_NAMES.sdkUndici, calls),
        await runProfile(CLIENT_NAMES.openapiFetch, calls),
      ];
      break;
    }
    case 'memory': {
      const plan: [string, number][] = [
        ['plain', quick ? 8000 : 100_000],
        ['per-call', quick ? 8000 : 100_000],
        ['shared', quick ? 4000 : 20_000],
      ];
      results.memory = [];
      for (const [variant, calls] of plan) {
        results.memory.push(
          await runChild<MemoryResult>(
            'memory',
            ['--variant', variant, '--calls', String(calls)],
            ['--expose-gc'],
          ),
        );
      }
      break;
    }
    case 'faults':
      results.faults = await runChild<FaultsResult>('faults', [...common, ...passRounds]);
      break;
    case 'coldImport':
      results.coldImport = await runChild<ColdImportResult>('cold-import', [
        '--samples',
        String(quick ? 5 : 15),
      ]);
      break;
    case 'revalidation':
      results.revalidation = await runChild<RevalidationResult>('revalidation', common, ['--expose-gc']);
      break;
    case 'bundle':
      results.bundle = await runChild<BundleResult>('bundle', []);
      break;
  }
  console.error(`bench: ${part} done in ${((Date.now() - t0) / 1000).toFixed(0)} s`);
}

function gitDescription(): string {
  try {
    const head = execFileSync('git', ['rev-parse', '--short', 'HEAD'], {
      cwd: REPO_ROOT,
      encoding: 'utf8',
    }).trim();
    const dirty = execFileSync('git', ['status', '--porcelain', '--', 'src'], {
      cwd: REPO_ROOT,
      encoding: 'utf8',
    }).trim();
    return `commit ${head}${dirty ? ' with uncommitted changes in src/' : ''}`;
  } catch {
    return 'commit unknown';
  }
}

/** The targets and verdicts, from the freshest result of each part. */
function renderSummary(r: Results): string {
  const rows: string[][] = [];
  if (r.overhead) {
    for (const v of overheadVerdicts(r.overhead))
      rows.push([
        `${v.label} ${v.target} bare openapi-fetch`,
        `${fmtRatio(v.median)} (rounds ${v.range})`,
        v.met ? 'met' : 'not met',
      ]);
  }
  if (r.layers) {
    const v = layersVerdict(r.layers);
    rows.push([
      `SDK (defaults): CPU per call ≤ +20 µs over openapi-fetch (no-network layer test)`,
      `${v.median >= 0 ? '+' : ''}${v.median.toFixed(1)} µs (IQR ${v.q1.toFixed(1)}…${v.q3.toFixed(1)})`,
      v.met ? 'met' : 'not met',
    ]);
  }
  if (r.memory) {
    for (const m of r.memory) {
      const v = memoryVerdict(m);
      const last = m.checkpoints[m.checkpoints.length - 1]?.calls ?? 0;
      rows.push([
        `Memory flat over ${fmtInt(last)} calls (${m.variant} signal)`,
        `heap Δ ${fmtBytes(v.heapGrowth)} after the first quarter`,
        v.flat ? 'met (flat)' : 'not met (grows)',
      ]);
    }
  }
  if (r.faults) {
    const f = r.faults;
    const sdk = f.clients[0]?.name ?? '';
    const plain = f.clients[f.clients.length - 1]?.name ?? '';
    const ok = (p: string, name: string) =>
      median((f.randomSamples[p]?.[name] ?? []).map((s) => s.successRate));
    rows.push([
      'Success under 10 % / 30 % random 503s, SDK defaults vs plain retry loop',
      `${fmtPct(ok('0.1', sdk))} / ${fmtPct(ok('0.3', sdk))} vs ${fmtPct(ok('0.1', plain))} / ${fmtPct(ok('0.3', plain))}`,
      'reported (no target)',
    ]);
    rows.push([
      'Full 503 outage: requests at server per call, SDK defaults vs plain loop',
      `${(f.outage503[sdk]?.serverPerCall ?? Number.NaN).toFixed(2)} vs ${(f.outage503[plain]?.serverPerCall ?? Number.NaN).toFixed(2)}`,
      'reported (no target)',
    ]);
  }
  if (r.revalidation) {
    const ratio = (resource: string) =>
      median(r.revalidation?.rows.find((row) => row.resource === resource)?.p50Ratios ?? []);
    rows.push([
      'Revalidated GET (cache on, 304) vs full GET (200), p50',
      `user ${fmtRatio(ratio('user'))}, page of 100 ${fmtRatio(ratio('page of 100 users'))}`,
      'reported (no target)',
    ]);
  }
  if (r.coldImport) {
    for (const [name, xs] of Object.entries(r.coldImport.ms))
      rows.push([
        `Cold \`import\` of ${name.includes('/') ? 'user-management-sdk' : name}, fresh process`,
        `${fmtMs(median(xs))} (median of ${xs.length})`,
        'reported (no target)',
      ]);
  }
  if (r.bundle) {
    for (const e of r.bundle.sdk)
      rows.push([
        `Browser bundle (gzip): ${e.name}`,
        `${fmtInt(e.gzip)} B`,
        e.limit === undefined
          ? 'reported'
          : e.gzip <= e.limit
            ? `within its ${fmtInt(e.limit)} B budget`
            : `over its ${fmtInt(e.limit)} B budget`,
      ]);
  }
  return table(['target', 'result', 'verdict'], rows, ['l', 'l', 'l']);
}

/** The sections of the parts present in `r`, and the summary of `r`. */
function renderSections(r: Results): Record<string, string> {
  const sections: Record<string, string> = {};
  if (r.overhead) sections.overhead = renderOverhead(r.overhead);
  if (r.layers) sections.layers = renderLayers(r.layers);
  if (r.profile) sections.profile = renderProfile(r.profile);
  if (r.memory) sections.memory = renderMemory(r.memory);
  if (r.faults) sections.faults = renderFaults(r.faults);
  if (r.revalidation) sections.revalidation = renderRevalidation(r.revalidation);
  if (r.bundle) sections.bundle = renderBundle(r.bundle);
  if (r.coldImport) sections.coldImport = renderColdImport(r.coldImport);
  sections.summary = renderSummary(r);
  return sections;
}

async function main(): Promise<void> {
  const load = os
    .loadavg()
    .map((x) => x.toFixed(2))
    .join(' / ');
  let previous: Results = {};
  try {
    previous = JSON.parse(readFileSync(RESULTS, 'utf8')) as Results;
  } catch {
    // first run
  }
  if (previous.version !== RESULTS_VERSION) previous = {};
  if (renderOnly) {
    await updateDocument(DOC, renderSections(previous));
    console.error(`bench: re-rendered ${DOC} from ${RESULTS}`);
    return;
  }
  // Measure what ships: the packed package; the children import it (bench/lib/sdk.ts).
  console.error(`bench: ${skipBuild ? 'packing dist/' : 'building and packing'}…`);
  process.env.BENCH_SDK_MODULE = packSdk(skipBuild);
  const fresh: Results = {};
  try {
    for (const part of selected) await runPart(part, fresh);
  } finally {
    rmSync(BUILD_DIR, { recursive: true, force: true });
  }
  const wallSeconds = (Date.now() - startedAt) / 1000;
  console.error(`bench: all parts done in ${wallSeconds.toFixed(0)} s`);

  const merged: Results = { ...previous, ...fresh, version: RESULTS_VERSION };
  const sections: Record<string, string> = { ...renderSections(fresh), summary: renderSummary(merged) };
  // The environment table describes a full run; a partial run (--only) leaves it as it was.
  if (selected.length === PARTS.length)
    sections.environment = renderEnvironment(environment(), {
      commit: gitDescription(),
      wallSeconds,
      load,
      parts: selected.join(', '),
    });

  for (const [name, body] of Object.entries(sections)) {
    if (name !== 'environment') console.log(`\n## ${name}\n\n${body}`);
  }
  if (write) {
    await updateDocument(DOC, sections);
    mkdirSync(join(REPO_ROOT, 'bench/results'), { recursive: true });
    writeFileSync(RESULTS, await formatLikeRepo(RESULTS, JSON.stringify(merged)));
    console.error(`bench: wrote ${DOC} and ${RESULTS}`);
  } else {
    console.error('bench: --quick or --no-write: docs/PERFORMANCE.md left as it was');
  }
}

main().then(
  () => {
    clearTimeout(watchdog);
  },
  (error: unknown) => {
    console.error(error instanceof Error ? (error.stack ?? error.message) : String(error));
    process.exit(1);
  },
);
