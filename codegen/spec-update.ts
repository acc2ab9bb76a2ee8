// npm run spec:update -- <provider's new spec> [--allow-breaking] [--skip-tests] [--dry-run]
//
// Takes a new version of the provider's spec into the SDK in one step: check it (OpenAPI 3.0.x, Spectral
// with our ruleset, zero warnings, the SDK naming rules), classify every change against spec/openapi.yaml
// (breaking or not), and only then replace the spec, regenerate src/generated/ (and the API report),
// typecheck, run the contract tests and write a changeset with the right semver bump, naming the SDK
// methods added, removed or changed. A breaking change stops it before anything is touched unless
// --allow-breaking; a failing later step puts the previous spec, src/generated/ and API report back.
//
// Exit codes: 0 done (or nothing to do), 1 a check or step failed, 2 usage, 3 refused a breaking change.
import { readFileSync } from 'node:fs';
import { access, cp, mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { basename, dirname, extname, join, relative, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { stringify } from 'yaml';
import { renderChangeset, renderReport } from './compare/changelog.js';
import { classifySpecs } from './compare/classify.js';
import { sameJson } from './compare/compare.js';
import { run, tail } from './exec.js';
import { GENERATED_DIR, root, SPEC_PATH } from './paths.js';
import { describeSdkDiff, diffSdk, sdkSurface } from './sdk-diff.js';
import { loadSpec, SpecError } from './spec.js';

const require = createRequire(import.meta.url);
const readFileSyncUtf8 = (path: string): string => readFileSync(path, 'utf8');
const SPEC = SPEC_PATH;
const GENERATED = GENERATED_DIR;
/** The API reports (etc/*.api.md), rewritten by the report step and put back with the rest on failure. */
const API_REPORTS = join(root, 'etc');
const rel = (p: string): string => relative(root, p).split('\\').join('/') || '.';

const USAGE = `Usage: npm run spec:update -- <path to the provider's new spec> [options]

  --allow-breaking  accept a breaking change (the changeset becomes a major bump)
  --skip-tests      skip the typecheck and the contract tests
  --dry-run         lint, classify and report; change nothing
  --help            show this text`;

class StepError extends Error {}

/** Set by Ctrl-C / SIGTERM while the repo is being changed: the current step fails, and the repo is put back. */
let interrupted = false;
const onSignal = (): void => {
  interrupted = true;
};

/** The file a package's bin entry points at (vitest's is not an exported subpath). */
function binOf(pkg: string, name = pkg): string {
  const manifest = require.resolve(`${pkg}/package.json`);
  const { bin } = JSON.parse(readFileSyncUtf8(manifest)) as { bin: string | Record<string, string> };
  const file = typeof bin === 'string' ? bin : bin[name];
  if (file === undefined) throw new StepError(`${pkg} has no ${name} command.`);
  return join(dirname(manifest), file);
}

type Args =
  | { help: true }
  | { error: string }
  | { specPath: string; allowBreaking: boolean; skipTests: boolean; dryRun: boolean };

function parseArgs(argv: readonly string[]): Args {
  const flags = new Set(['--allow-breaking', '--skip-tests', '--dry-run', '--help', '-h']);
  const unknown = argv.filter((a) => a.startsWith('-') && !flags.has(a));
  const positional = argv.filter((a) => !a.startsWith('-'));
  if (argv.includes('--help') || argv.includes('-h')) return { help: true };
  if (unknown.length || positional.length !== 1) {
    return {
      error: unknown.length
        ? `Unknown option ${unknown.join(', ')}.`
        : positional.length
          ? 'Give exactly one spec path.'
          : 'Give the path of the new spec.',
    };
  }
  // `npm run` changes into the package root; resolve the path from where the command was typed.
  const base =
    process.env.npm_lifecycle_event === 'spec:update' && process.env.INIT_CWD
      ? process.env.INIT_CWD
      : process.cwd();
  return {
    specPath: resolve(base, positional[0] ?? ''),
    allowBreaking: argv.includes('--allow-breaking'),
    skipTests: argv.includes('--skip-tests'),
    dryRun: argv.includes('--dry-run'),
  };
}

const log = (line = ''): void => {
  console.log(line);
};
const ok = (line: string): void => {
  log(`✔ ${line}`);
};

/** Spectral with our ruleset on a temp copy inside spec/, so the ruleset (and any file overrides) apply as to the real spec. */
async function lint(text: string, label: string): Promise<void> {
  const copy = join(root, 'spec', `.incoming-${process.pid}.yaml`);
  await writeFile(copy, text);
  try {
    const bin = require.resolve('@stoplight/spectral-cli/dist/index.js');
    const args = [bin, 'lint', copy, '--ruleset', join(root, '.spectral.yaml'), '--fail-severity=warn'];
    const { code, output } = await run(process.execPath, args, {
      cwd: root,
      env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: '0' },
    });
    if (code !== 0)
      throw new StepError(
        `Spectral found problems in ${label} (zero warnings allowed):\n${tail(output.split(copy).join(label), 60)}`,
      );
  } finally {
    await rm(copy, { force: true });
  }
}

async function step(name: string, command: string, args: readonly string[]): Promise<void> {
  if (interrupted) throw new StepError('Interrupted.');
  const started = Date.now();
  // A run from inside a vitest worker (the tests of this script) must not look like one to the child vitest.
  const env: NodeJS.ProcessEnv = {
    ...Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith('VITEST'))),
    NO_COLOR: '1',
    FORCE_COLOR: '0',
  };
  const { code, output } = await run(command, args, { cwd: root, env });
  if (code !== 0) throw new StepError(`${name} failed (exit ${code}):\n${tail(output)}`);
  ok(`${name} (${((Date.now() - started) / 1000).toFixed(1)} s)`);
}

/** A changeset file name that does not exist yet: `.changeset/spec-1-1-0.md`, `-2`, … */
async function changesetPath(version: string | undefined): Promise<string> {
  const slug = `spec-${(version ?? 'update')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')}`;
  for (let i = 1; ; i++) {
    const path = join(root, '.changeset', `${slug}${i === 1 ? '' : `-${i}`}.md`);
    try {
      await access(path);
    } catch {
      return path;
    }
  }
}

async function main(argv: readonly string[]): Promise<number> {
  const opts = parseArgs(argv);
  if ('help' in opts) {
    log(USAGE);
    return 0;
  }
  if ('error' in opts) {
    console.error(`${opts.error}\n\n${USAGE}`);
    return 2;
  }
  const shown = relative(process.cwd(), opts.specPath);
  const label = shown && !shown.startsWith('..') ? shown : opts.specPath;
  log(`spec:update ${label} → ${rel(SPEC)}${opts.dryRun ? ' (dry run)' : ''}`);

  const incoming = await loadSpec(opts.specPath, label);
  const current = await loadSpec(SPEC, rel(SPEC));
  ok(`${label} is OpenAPI ${incoming.doc.openapi}`);
  // The naming rules first: a collision or an empty method name stops here, before anything is touched.
  sdkSurface(incoming.doc);
  // Spectral runs in a child process while openapi-diff works here: the two slowest checks overlap.
  const same = sameJson(current.doc, incoming.doc);
  const classified = same ? Promise.resolve(undefined) : classifySpecs(current.doc, incoming.doc);
  classified.catch(() => {}); // a lint failure wins; this rejection is awaited (and reported) below otherwise
  await lint(incoming.text, label);
  ok('Spectral: no warnings or errors');

  if (same) {
    log(`${rel(SPEC)} already says the same; nothing to do.`);
    return 0;
  }
  const result = await classified;
  if (!result) return 0;
  const methods = diffSdk(
    current.doc,
    incoming.doc,
    result.changes.flatMap((c) => c.operations),
  );
  const sdk = describeSdkDiff(methods);
  log('');
  log(renderReport(result));
  const marked = describeSdkDiff(methods, { added: '+', removed: '!', changed: '~' });
  if (marked.length) log(['', '  SDK methods', ...marked.map((l) => `    ${l}`)].join('\n'));
  log('');
  const pkg = JSON.parse(await readFile(join(root, 'package.json'), 'utf8')) as { name: string };
  const changeset = sdk.length
    ? `${renderChangeset(result, pkg.name)}\nSDK methods:\n\n${sdk.join('\n')}\n`
    : renderChangeset(result, pkg.name);

  if (result.breaking.length && !opts.allowBreaking) {
    console.error(
      `✖ Refusing: the new spec has ${result.breaking.length} breaking change(s) for consumers of the SDK (listed above under "Breaking changes").\n` +
        `  Nothing was changed. If the provider really ships this, re-run with --allow-breaking: the changeset will be a major bump.`,
    );
    return 3;
  }
  if (opts.dryRun) {
    log(
      `Dry run: would replace ${rel(SPEC)}, regenerate ${rel(GENERATED)}/, ${opts.skipTests ? 'skip the tests' : 'typecheck, run the contract tests'} and write this changeset:\n`,
    );
    log(changeset);
    return 0;
  }

  const backup = await mkdtemp(join(tmpdir(), 'um-spec-update-'));
  await cp(SPEC, join(backup, 'openapi.yaml'));
  await cp(GENERATED, join(backup, 'generated'), { recursive: true });
  const hadReport = await access(API_REPORTS).then(
    () => true,
    () => false,
  );
  if (hadReport) await cp(API_REPORTS, join(backup, 'etc'), { recursive: true });
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  try {
    const json = extname(opts.specPath).toLowerCase() === '.json';
    const text = json
      ? stringify(incoming.doc, { lineWidth: 0 })
      : incoming.text.endsWith('\n')
        ? incoming.text
        : `${incoming.text}\n`;
    await writeFile(SPEC, text);
    ok(`replaced ${rel(SPEC)}${json ? ' (converted from JSON)' : ''}`);
    const started = Date.now();
    // Loaded here, not at the top: openapi-typescript is heavy, and most runs stop before this step.
    const { generate } = await import('./generate.js');
    await generate(SPEC, GENERATED);
    ok(`regenerated ${rel(GENERATED)}/ (${((Date.now() - started) / 1000).toFixed(1)} s)`);
    if (opts.skipTests) {
      log('- skipped the typecheck and the contract tests (--skip-tests)');
      log(
        '- skipped the API report (--skip-tests); run `npm run build && npm run api:report` before committing',
      );
    } else {
      await step('typecheck (npx tsc -p tsconfig.json --noEmit)', process.execPath, [
        binOf('typescript', 'tsc'),
        '-p',
        'tsconfig.json',
        '--noEmit',
      ]);
      await step('contract tests (npx vitest run --project contract)', process.execPath, [
        binOf('vitest'),
        'run',
        '--project',
        'contract',
        '--passWithNoTests',
      ]);
      await step('build (tsup)', process.execPath, [binOf('tsup')]);
      // Every API report of the package: api-extractor.json (the main entry) and one per subpath.
      const extractor = binOf('@microsoft/api-extractor', 'api-extractor');
      const configs = (await readdir(root)).filter((f) => /^api-extractor(\.[\w-]+)?\.json$/.test(f)).sort();
      for (const config of configs)
        await step(`API report (api-extractor run --local -c ${config})`, process.execPath, [
          extractor,
          'run',
          '--local',
          '-c',
          config,
        ]);
    }
    if (interrupted) throw new StepError('Interrupted.');
  } catch (err) {
    await cp(join(backup, 'openapi.yaml'), SPEC);
    await rm(GENERATED, { recursive: true, force: true });
    await cp(join(backup, 'generated'), GENERATED, { recursive: true });
    if (hadReport) {
      await rm(API_REPORTS, { recursive: true, force: true });
      await cp(join(backup, 'etc'), API_REPORTS, { recursive: true });
    }
    const why =
      err instanceof StepError
        ? err.message
        : err instanceof Error
          ? (err.stack ?? err.message)
          : String(err);
    console.error(
      `✖ ${why}\n\nRestored the previous ${rel(SPEC)} and ${rel(GENERATED)}/; no changeset was written. Fix the cause (often code in src/ that uses what changed) and run spec:update again.`,
    );
    return interrupted ? 130 : 1;
  } finally {
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
    await rm(backup, { recursive: true, force: true });
  }

  const file = await changesetPath(result.to.version);
  await mkdir(dirname(file), { recursive: true });
  await writeFile(file, changeset);
  ok(`wrote ${rel(file)} (${result.bump})`);
  log('');
  log(
    `Next: review \`git diff -- spec src/generated etc .changeset\`, edit ${basename(file)} if the wording needs it, and commit.`,
  );
  log('`npx changeset version` applies the bump and the CHANGELOG entry when the release is cut.');
  return 0;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  main(process.argv.slice(2)).then(
    (code) => {
      process.exitCode = code;
    },
    (err: unknown) => {
      console.error(
        err instanceof SpecError || err instanceof StepError
          ? `✖ ${err.message}`
          : err instanceof Error
            ? `✖ ${err.stack ?? err.message}`
            : `✖ ${String(err)}`,
      );
      console.error('Nothing was changed.');
      process.exitCode = 1;
    },
  );
}
