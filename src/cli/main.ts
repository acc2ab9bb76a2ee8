// `user-management sync …`: parse, build the client, run, print, choose the exit code
// (0 all synced, 1 some records dead-lettered or the run failed, 2 bad usage or configuration).
import { join } from 'node:path';
import {
  createCircuitEvents,
  readSyncStatus,
  reprocessDeadLetters,
  syncUsers,
  webhookAlert,
  type SyncAlert,
  type SyncOptions,
  type SyncReport,
} from 'user-management-sdk/sync';
import { parseCliArgs, USAGE, UsageError, type CliArgs } from './args.js';
import { createProgress } from './progress.js';
import { createCliClient, loadMap } from './setup.js';

/** Where the CLI writes, and what it reads from the process (injectable for tests). */
export interface CliIo {
  readonly stdout: { write(s: string): unknown };
  readonly stderr: { write(s: string): unknown; isTTY?: boolean };
  readonly env: NodeJS.ProcessEnv;
  readonly signal?: AbortSignal;
}

export const EXIT = { ok: 0, failures: 1, usage: 2 } as const;

export async function runCli(argv: readonly string[], io: CliIo): Promise<number> {
  let args: CliArgs;
  try {
    args = parseCliArgs(argv);
  } catch (err) {
    return usage(io, err);
  }
  if (args.command === 'help') {
    io.stdout.write(`${USAGE}\n`);
    return EXIT.ok;
  }
  try {
    if (args.command === 'status') return await status(args, io);
    return await sync(args, io);
  } catch (err) {
    if (err instanceof UsageError || isConfigProblem(err)) return usage(io, err);
    io.stderr.write(`sync failed: ${err instanceof Error ? err.message : String(err)}\n`);
    return EXIT.failures;
  }
}

async function sync(args: CliArgs, io: CliIo): Promise<number> {
  const file = args.file ?? '';
  const map = args.map === undefined ? undefined : await loadMap(args.map);
  const circuitEvents = createCircuitEvents();
  const { client, mock } = await createCliClient(io.env, {
    maxConcurrency: args.concurrency,
    onCircuitStateChange: circuitEvents.onCircuitStateChange,
    ...(args.rate === undefined ? {} : { rateLimit: { requestsPerSecond: args.rate } }),
  });
  if (mock) io.stderr.write('sync: USER_MGMT_BASE_URL is not set; using the embedded mock API.\n');
  const webhook = args.alertWebhook === undefined ? undefined : webhookAlert(args.alertWebhook);
  const onAlert = async (alert: SyncAlert): Promise<void> => {
    io.stderr.write(`sync: ALERT ${alert.kind}: ${alert.message}\n`);
    await webhook?.(alert);
  };
  const progress = createProgress(io.stderr);
  const options: SyncOptions = {
    key: args.key,
    conflict: args.conflict,
    deleteMissing: args.deleteMissing,
    force: args.force,
    dryRun: args.dryRun,
    stateDir: args.state,
    concurrency: args.concurrency,
    encryptionKey: io.env.USER_MGMT_SYNC_KEY,
    onAlert,
    circuitEvents,
    onProgress: (p) => {
      progress.update(p);
    },
    ...(map ? { map } : {}),
    ...(args.reportDir === undefined ? {} : { reportDir: args.reportDir }),
    ...(args.deleteThreshold === undefined ? {} : { deleteThreshold: args.deleteThreshold }),
    ...(args.alertThreshold === undefined ? {} : { alertFailureShare: args.alertThreshold }),
    ...(io.signal ? { signal: io.signal } : {}),
  };
  let report: SyncReport;
  try {
    report =
      args.command === 'users'
        ? await syncUsers(client, file, { reportDir: 'sync-report', ...options })
        : await reprocessDeadLetters(client, file, options);
  } finally {
    progress.stop();
  }
  print(report, args, io);
  return report.status === 'completed' && report.totals.failed === 0 ? EXIT.ok : EXIT.failures;
}

function print(report: SyncReport, args: CliArgs, io: CliIo): void {
  if (args.json) {
    io.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
    return;
  }
  const out = (s: string): unknown => io.stdout.write(`${s}\n`);
  if (report.dryRun) {
    out('Plan (dry run, nothing written):');
    for (const p of report.plan)
      out(
        `  ${p.action.padEnd(8)} ${p.key}${p.id === undefined ? '' : ` (#${String(p.id)})`}${p.fields?.length ? `: ${p.fields.join(', ')}` : ''}`,
      );
    if (report.plan.length === 0) out('  nothing to do');
  }
  const t = report.totals;
  out(
    `${report.dryRun ? 'Would sync' : 'Synced'} ${String(t.read)} records (${report.matching}): created ${String(t.created)}, updated ${String(t.updated)}, unchanged ${String(t.unchanged)}, deleted ${String(t.deleted)}, skipped ${String(t.skipped)}, failed ${String(t.failed)}, conflicts ${String(t.conflicts)}.`,
  );
  if (report.status !== 'completed') out(`Run ${report.status}${report.error ? `: ${report.error}` : ''}.`);
  if (report.deadLetterFile !== undefined && !report.dryRun) {
    const dir = join(report.deadLetterFile, '..');
    out(`Report: ${join(dir, 'report.html')}`);
    if (t.failed > 0)
      out(
        `Dead letters: ${report.deadLetterFile} (fix, then: user-management sync reprocess ${report.deadLetterFile})`,
      );
  }
}

async function status(args: CliArgs, io: CliIo): Promise<number> {
  const s = await readSyncStatus(args.state, { encryptionKey: io.env.USER_MGMT_SYNC_KEY });
  if (args.json) {
    io.stdout.write(`${JSON.stringify(s, null, 2)}\n`);
    return EXIT.ok;
  }
  const out = (line: string): unknown => io.stdout.write(`${line}\n`);
  out(`State: ${args.state} (${String(s.keys)} keys with a base version)`);
  if (s.unfinished) {
    const t = s.unfinished.totals;
    out(
      `${s.runningPid === undefined ? 'Interrupted (resumable: run the same command again)' : `Running (pid ${String(s.runningPid)})`}: ${s.unfinished.kind} run ${s.unfinished.runId} started ${s.unfinished.startedAt}, ${String(t.read + t.deleted)} records done (created ${String(t.created)}, updated ${String(t.updated)}, unchanged ${String(t.unchanged)}, failed ${String(t.failed)})${s.unfinished.resumes ? `, resumed ${String(s.unfinished.resumes)}×` : ''}.`,
    );
  } else out('No run in progress.');
  if (s.lastRun) {
    const t = s.lastRun.totals;
    out(
      `Last run: ${s.lastRun.kind} ${s.lastRun.runId} ${s.lastRun.status} at ${s.lastRun.finishedAt}: read ${String(t.read)}, created ${String(t.created)}, updated ${String(t.updated)}, unchanged ${String(t.unchanged)}, deleted ${String(t.deleted)}, failed ${String(t.failed)}, conflicts ${String(t.conflicts)}.`,
    );
  }
  return EXIT.ok;
}

function usage(io: CliIo, err: unknown): number {
  io.stderr.write(`user-management: ${err instanceof Error ? err.message : String(err)}\n\n${USAGE}\n`);
  return EXIT.usage;
}

/**
 * ConfigError (client options, env) and InvalidArgumentError (sync options, files, a state directory
 * another run holds: SyncStateLockedError) are the caller's to fix.
 */
function isConfigProblem(err: unknown): boolean {
  return (
    err instanceof Error &&
    (err.name === 'ConfigError' || err.name === 'InvalidArgumentError' || err.name === 'SyncStateLockedError')
  );
}
