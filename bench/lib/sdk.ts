// The SDK under test. bench/run.ts builds src/ the way tsup does (esbuild, ESM, node20, dependencies
// external, no keepNames) and names the file in BENCH_SDK_MODULE, so the parts measure what ships
// rather than tsx's on-the-fly transform. `--sdk path/to/candidate/src/index.ts` builds a patched copy
// of src/ the same way (BENCH_CANDIDATE_MODULE), to measure a change before it lands in src/; the
// candidate must keep the public surface of src/index.ts. Run a part on its own and it falls back to
// src/ through tsx.
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

type Sdk = typeof import('../../src/index.js');

async function load(path: string | undefined): Promise<Sdk | undefined> {
  return path ? ((await import(pathToFileURL(path).href)) as Sdk) : undefined;
}

const built = await load(process.env.BENCH_SDK_MODULE);
const local: Sdk = built ?? (await import('../../src/index.js'));

/** The candidate's module, when `--sdk` names one. */
export const candidate: Sdk | undefined = await load(process.env.BENCH_CANDIDATE_MODULE);
export const SDK_SOURCE = process.env.BENCH_SDK ? resolve(process.env.BENCH_SDK) : undefined;
/** How src/ was loaded, for the report. */
export const SDK_LOADED_FROM = built
  ? 'an esbuild bundle of src/ built like tsup (ESM, node20)'
  : 'src/ through tsx';

/** The client class every part measures: the candidate's if given, else src/'s. */
export const UserManagementClient = (candidate ?? local).UserManagementClient;

/** src/'s own client class, for side-by-side runs against a candidate. */
export const LocalUserManagementClient = local.UserManagementClient;
