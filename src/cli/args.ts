// Command-line parsing for `user-management` (node:util parseArgs: strict, no dependency) and the
// usage text. Every bad flag becomes a UsageError, which the CLI turns into exit code 2.
import { parseArgs } from 'node:util';

/** Bad usage: printed with the usage text, exit code 2. */
export class UsageError extends Error {
  override readonly name = 'UsageError';
}

export const USAGE = `Usage:
  user-management sync users <file> [options]       sync users from a .csv, .jsonl/.ndjson or .json file
  user-management sync reprocess <dead-letter file> [options]
                                                    run the dead-lettered records again
  user-management sync status --state <dir> [--json]
                                                    where the run in a state directory stands

Options (sync users, sync reprocess):
  --map <module>            module whose default export maps a source record to a user (or undefined to skip)
  --key <email|username>    the matching key (default email)
  --conflict <strategy>     source-wins | target-wins | fail (default fail)
  --delete-missing          delete users that are not in the source (sync users only)
  --delete-threshold <0-1>  largest share of users --delete-missing may delete (default 0.1)
  --force                   delete past the threshold
  --dry-run                 print the plan, write nothing
  --state <dir>             state directory: progress and base versions (default .user-management-sync)
  --report-dir <dir>        report.json, report.html, dead-letter.jsonl (default sync-report;
                            reprocess: the dead-letter file's directory)
  --concurrency <n>         requests in flight (the client's maxConcurrency; default 8)
  --rate <n>                requests per second at most (the client's rateLimit; default none)
  --alert-webhook <url>     POST alerts (run failed, failure share, breaker open) as JSON here
  --alert-threshold <0-1>   failure share that raises an alert (default 0.05)
  --json                    print the report as JSON on stdout
  -h, --help                this text

Environment: USER_MGMT_BASE_URL, USER_MGMT_API_KEY (see the SDK's README); USER_MGMT_SYNC_KEY encrypts the
state and dead-letter files (32 bytes, base64 or hex). Without USER_MGMT_BASE_URL an embedded mock API is used.
Exit codes: 0 all synced, 1 some records dead-lettered (or the run failed), 2 bad usage or configuration.`;

export interface CliArgs {
  readonly command: 'users' | 'reprocess' | 'status' | 'help';
  readonly file: string | undefined;
  readonly map: string | undefined;
  readonly key: 'email' | 'username';
  readonly conflict: 'source-wins' | 'target-wins' | 'fail';
  readonly deleteMissing: boolean;
  readonly deleteThreshold: number | undefined;
  readonly force: boolean;
  readonly dryRun: boolean;
  readonly state: string;
  readonly reportDir: string | undefined;
  readonly concurrency: number;
  readonly rate: number | undefined;
  readonly alertWebhook: string | undefined;
  readonly alertThreshold: number | undefined;
  readonly json: boolean;
}

export function parseCliArgs(argv: readonly string[]): CliArgs {
  let parsed;
  try {
    parsed = parseArgs({
      args: [...argv],
      allowPositionals: true,
      strict: true,
      tokens: true,
      options: {
        map: { type: 'string' },
        key: { type: 'string', default: 'email' },
        conflict: { type: 'string', default: 'fail' },
        'delete-missing': { type: 'boolean', default: false },
        'delete-threshold': { type: 'string' },
        force: { type: 'boolean', default: false },
        'dry-run': { type: 'boolean', default: false },
        state: { type: 'string', default: '.user-management-sync' },
        'report-dir': { type: 'string' },
        concurrency: { type: 'string', default: '8' },
        rate: { type: 'string' },
        'alert-webhook': { type: 'string' },
        'alert-threshold': { type: 'string' },
        json: { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h', default: false },
      },
    });
  } catch (err) {
    throw new UsageError(err instanceof Error ? err.message : String(err));
  }
  const { values: v, positionals } = parsed;
  if (v.help || positionals.length === 0) return { ...defaults(), command: 'help' };
  const [group, command, file, ...rest] = positionals;
  if (group !== 'sync')
    throw new UsageError(
      `Unknown command ${JSON.stringify(group)}: try "user-management sync users <file>".`,
    );
  if (command !== 'users' && command !== 'reprocess' && command !== 'status')
    throw new UsageError(`Unknown sync command ${JSON.stringify(command)}: users, reprocess or status.`);
  if (rest.length > 0) throw new UsageError(`Unexpected argument ${JSON.stringify(rest[0])}.`);
  if (command !== 'status' && file === undefined)
    throw new UsageError(
      command === 'users' ? 'sync users needs a source file.' : 'sync reprocess needs a dead-letter file.',
    );
  if (command === 'status' && file !== undefined)
    throw new UsageError('sync status takes --state <dir>, not a file.');
  if (command === 'status') {
    // status only reads the state directory: a flag it would ignore (--dry-run, --map, …) is a mistake
    // the user should hear about, not a silent no-op.
    const ignored = parsed.tokens.find((t) => t.kind === 'option' && t.name !== 'state' && t.name !== 'json');
    if (ignored?.kind === 'option')
      throw new UsageError(`sync status takes only --state and --json; got ${ignored.rawName}.`);
  }
  if (v.key !== 'email' && v.key !== 'username')
    throw new UsageError(`--key must be email or username; got ${v.key}.`);
  if (v.conflict !== 'source-wins' && v.conflict !== 'target-wins' && v.conflict !== 'fail')
    throw new UsageError(`--conflict must be source-wins, target-wins or fail; got ${v.conflict}.`);
  if (v['delete-missing'] && command !== 'users')
    throw new UsageError('--delete-missing applies to sync users only.');
  const webhook = v['alert-webhook'];
  if (webhook !== undefined && !/^https?:\/\//.test(webhook))
    throw new UsageError('--alert-webhook must be an http(s) URL.');
  return {
    command,
    file,
    map: v.map,
    key: v.key,
    conflict: v.conflict,
    deleteMissing: v['delete-missing'],
    deleteThreshold: share('--delete-threshold', v['delete-threshold']),
    force: v.force,
    dryRun: v['dry-run'],
    state: v.state,
    reportDir: v['report-dir'],
    concurrency: integer('--concurrency', v.concurrency),
    rate: v.rate === undefined ? undefined : positive('--rate', v.rate),
    alertWebhook: webhook,
    alertThreshold: share('--alert-threshold', v['alert-threshold']),
    json: v.json,
  };
}

function defaults(): Omit<CliArgs, 'command'> {
  return {
    file: undefined,
    map: undefined,
    key: 'email',
    conflict: 'fail',
    deleteMissing: false,
    deleteThreshold: undefined,
    force: false,
    dryRun: false,
    state: '.user-management-sync',
    reportDir: undefined,
    concurrency: 8,
    rate: undefined,
    alertWebhook: undefined,
    alertThreshold: undefined,
    json: false,
  };
}

function integer(flag: string, text: string): number {
  const n = Number(text);
  if (!Number.isInteger(n) || n < 1 || n > 1_000)
    throw new UsageError(`${flag} must be an integer from 1 to 1000; got ${text}.`);
  return n;
}

function positive(flag: string, text: string): number {
  const n = Number(text);
  if (!Number.isFinite(n) || n <= 0) throw new UsageError(`${flag} must be a positive number; got ${text}.`);
  return n;
}

function share(flag: string, text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  const n = Number(text);
  if (!Number.isFinite(n) || n < 0 || n > 1)
    throw new UsageError(`${flag} must be a share from 0 to 1; got ${text}.`);
  return n;
}
