// The SDK under test. bench/run.ts packs the package (bench/lib/packed-sdk.ts) and names its Node ESM
// entry in BENCH_SDK_MODULE, so the parts measure what ships. Run a part on its own and it falls back to
// src/ through tsx.
import { pathToFileURL } from 'node:url';

type Sdk = typeof import('../../src/index.js');

const packed = process.env.BENCH_SDK_MODULE;
const sdk: Sdk = packed
  ? ((await import(pathToFileURL(packed).href)) as Sdk)
  : await import('../../src/index.js');

/** How the SDK was loaded, for the report. */
export const SDK_LOADED_FROM = packed
  ? 'the packed package (npm run build, npm pack, unpacked; dist/index.js)'
  : 'src/ through tsx';

/** The client class every part measures. */
export const UserManagementClient = sdk.UserManagementClient;
