// Where things are in the repository, for the code generation tools.
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository root (this file lives in codegen/). */
export const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
/** Where the generated code goes by default. */
export const GENERATED_DIR = join(root, 'src/generated');
/** The spec the SDK is generated from by default. */
export const SPEC_PATH = join(root, 'spec/openapi.yaml');
