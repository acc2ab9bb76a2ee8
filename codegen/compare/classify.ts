// Classifies the change from one OpenAPI 3.0 document to the next: openapi-diff (0.24, `diffSpecs`) judges
// the bodies' accepted values, our own walk (compare.ts) the TypeScript-level changes it misses, and
// docs.ts tells documentation from structure. The result decides the semver bump:
// breaking → major, additions or other changes → minor, documentation only → patch.
import { createRequire } from 'node:module';
import { isObject, str, type OpenApiDocument } from '../spec.js';
import type { Area, Change, Severity } from './changes.js';
import { compareSpecs, listOperations, sameJson } from './compare.js';
import { diffPaths, docChanges, humanize, stripDocs } from './docs.js';

const require = createRequire(import.meta.url);

/** A semver bump. */
export type Bump = 'major' | 'minor' | 'patch';

/** Every change from one spec to the next, by kind, and the bump they call for. */
export interface Classification {
  bump: Bump | null;
  changes: Change[];
  breaking: Change[];
  additions: Change[];
  otherChanges: Change[];
  docs: Change[];
  from: { title?: string | undefined; version?: string | undefined };
  to: { title?: string | undefined; version?: string | undefined };
}

/** One finding of openapi-diff, as far as it is read here. */
interface DiffResult {
  readonly type?: string;
  readonly action?: string;
  readonly code?: string;
  readonly sourceSpecEntityDetails?: readonly { readonly location?: string }[];
  readonly destinationSpecEntityDetails?: readonly { readonly location?: string }[];
}

/** openapi-diff's `diffSpecs`, injectable for tests. */
export type DiffSpecs = (options: {
  sourceSpec: { content: string; location: string; format: 'openapi3' | 'swagger2' };
  destinationSpec: { content: string; location: string; format: 'openapi3' | 'swagger2' };
}) => Promise<{
  breakingDifferences?: unknown[];
  nonBreakingDifferences: unknown[];
  unclassifiedDifferences: unknown[];
}>;

const BUMP_OF: Record<Severity, Bump> = {
  breaking: 'major',
  addition: 'minor',
  change: 'minor',
  docs: 'patch',
};
const ORDER: readonly Bump[] = ['major', 'minor', 'patch'];

/** The semver bump a list of changes calls for, or null when there is none. */
export function bumpFor(changes: readonly Change[]): Bump | null {
  const bumps = new Set(changes.map((c) => BUMP_OF[c.severity]));
  return ORDER.find((b) => bumps.has(b)) ?? null;
}

const OPENAPI_DIFF_TEXT: Readonly<Record<string, string>> = {
  'request.body.scope.remove': 'the request body accepts fewer values than before',
  'request.body.scope.add': 'the request body accepts more values than before',
  'response.body.scope.add': 'the response body may hold values it could not before',
  'response.body.scope.remove': 'the response body holds fewer kinds of values than before',
  'response.required.header.add': 'a required response header was added',
  'response.required.header.remove': 'a required response header was removed',
  'response.optional.header.add': 'an optional response header was added',
  'response.optional.header.remove': 'an optional response header was removed',
  'response.status-code.add': 'a response status was added',
  'response.status-code.remove': 'a response status was removed',
  'path.add': 'a path was added',
  'path.remove': 'a path was removed',
  'method.add': 'an operation was added',
  'method.remove': 'an operation was removed',
};

/** Maps an openapi-diff location (`paths./users/{id}.delete.requestBody…`) to operationIds and an area. */
function locate(location: string, specs: readonly OpenApiDocument[]): { operations: string[]; area: Area } {
  const ids = new Set<string>();
  for (const spec of specs) {
    for (const op of listOperations(spec).values()) {
      const opLoc = `paths.${op.path}.${op.method.toLowerCase()}`;
      if (location === opLoc || location.startsWith(`${opLoc}.`) || location === `paths.${op.path}`)
        ids.add(op.id);
    }
  }
  const area: Area = /\.(requestBody|parameters)(\.|$)/.test(location)
    ? 'request'
    : /\.responses(\.|$)/.test(location)
      ? 'response'
      : 'operation';
  return { operations: [...ids].sort(), area };
}

/**
 * openapi-diff's findings that our own walk did not already name, as changes. A breaking one counts as
 * named when we report a breaking change in the same operation and area; any other when we report anything there.
 */
export function fromOpenapiDiff(
  outcome: Awaited<ReturnType<DiffSpecs>>,
  own: readonly Change[],
  oldSpec: OpenApiDocument,
  newSpec: OpenApiDocument,
): Change[] {
  const results = [
    ...(outcome.breakingDifferences ?? []),
    ...outcome.nonBreakingDifferences,
    ...outcome.unclassifiedDifferences,
  ] as DiffResult[];
  const extra: Change[] = [];
  for (const d of results) {
    const location =
      d.destinationSpecEntityDetails?.[0]?.location ?? d.sourceSpecEntityDetails?.[0]?.location ?? '';
    const { operations, area } = locate(location, [oldSpec, newSpec]);
    const breaking = d.type === 'breaking';
    const named = own.some(
      (c) =>
        (!breaking || c.severity === 'breaking') &&
        (area === 'operation' ? c.area === 'operation' : c.area === area) &&
        operations.some((id) => c.operations.includes(id) || c.subject === id),
    );
    if (named) continue;
    const severity: Severity = breaking
      ? 'breaking'
      : d.type === 'non-breaking' && d.action === 'add' && area !== 'response'
        ? 'addition'
        : 'change';
    const code = d.code ?? 'unknown';
    const text = OPENAPI_DIFF_TEXT[code] ?? code;
    extra.push({
      severity,
      area,
      subject: operations.join(', ') || location,
      message: `${text} (openapi-diff: ${code} at ${location})`,
      operations,
    });
  }
  return extra;
}

/** Structural differences nothing else named (a safety net): one 'change' per place, so the bump is at least minor. */
function unnamedChanges(oldSpec: OpenApiDocument, newSpec: OpenApiDocument): Change[] {
  const paths = diffPaths(stripDocs(oldSpec), stripDocs(newSpec));
  const places = [...new Set(paths.map((p) => humanize(newSpec, [...p, '']).subject))];
  return places.slice(0, 20).map((subject) => ({
    severity: 'change',
    area: 'spec',
    subject,
    message: `${subject} changed`,
    operations: [],
  }));
}

/** The documentation changes, one per documented thing. A new `info.version` is in the headline already. */
function docsOnly(oldSpec: OpenApiDocument, newSpec: OpenApiDocument, hasStructural: boolean): Change[] {
  const found = docChanges(oldSpec, newSpec);
  const onlyVersion =
    !hasStructural &&
    found.length === 1 &&
    found[0]?.subject === 'API info' &&
    found[0].keys.join() === 'version';
  return found
    .map(({ subject, keys }) => ({
      subject,
      keys:
        subject === 'API info' && !onlyVersion ? keys.filter((k) => k !== 'version') : keys.filter(Boolean),
    }))
    .filter(({ subject, keys }) => keys.length || subject.startsWith('shared example'))
    .map(({ subject, keys }) => ({
      severity: 'docs',
      area: 'spec',
      subject,
      message: keys.length
        ? `${subject}: ${keys.join(', ')} changed`
        : `${subject} ${exampleVerb(oldSpec, newSpec, subject)}`,
      operations: [],
    }));
}

function exampleVerb(oldSpec: OpenApiDocument, newSpec: OpenApiDocument, subject: string): string {
  const name = /`(.*)`/.exec(subject)?.[1] ?? '';
  const examples = (doc: OpenApiDocument): Record<string, unknown> => {
    const components = doc.components;
    const ex = isObject(components) ? components.examples : undefined;
    return isObject(ex) ? ex : {};
  };
  const inOld = name in examples(oldSpec);
  const inNew = name in examples(newSpec);
  return inOld && inNew ? 'changed' : inNew ? 'added' : 'removed';
}

/** Loads openapi-diff's `diffSpecs` (CommonJS). */
export function openapiDiff(): DiffSpecs {
  return (require('openapi-diff') as { diffSpecs: DiffSpecs }).diffSpecs;
}

/**
 * Classifies the change from `oldSpec` to `newSpec` (both parsed OpenAPI 3.0 documents). No I/O:
 * openapi-diff gets the documents as strings. Returns every change and the bump they call for.
 * `diffSpecs` can be injected to test without openapi-diff.
 */
export async function classifySpecs(
  oldSpec: OpenApiDocument,
  newSpec: OpenApiDocument,
  options: { diffSpecs?: DiffSpecs } = {},
): Promise<Classification> {
  const diffSpecs = options.diffSpecs ?? openapiDiff();
  const own = compareSpecs(oldSpec, newSpec);
  let outcome: Awaited<ReturnType<DiffSpecs>>;
  try {
    outcome = await diffSpecs({
      sourceSpec: { content: JSON.stringify(oldSpec), location: 'current spec', format: 'openapi3' },
      destinationSpec: { content: JSON.stringify(newSpec), location: 'new spec', format: 'openapi3' },
    });
  } catch (err) {
    throw new Error(
      `openapi-diff could not compare the specs: ${err instanceof Error ? err.message : String(err)}`,
      {
        cause: err,
      },
    );
  }
  const structural = [...own, ...fromOpenapiDiff(outcome, own, oldSpec, newSpec)];
  if (structural.length === 0 && !sameJson(stripDocs(oldSpec), stripDocs(newSpec)))
    structural.push(...unnamedChanges(oldSpec, newSpec));
  const changes = [...structural, ...docsOnly(oldSpec, newSpec, structural.length > 0)];
  const pick = (severity: Severity): Change[] => changes.filter((c) => c.severity === severity);
  const info = (doc: OpenApiDocument): { title?: string | undefined; version?: string | undefined } => {
    const i = doc.info;
    return { title: str(i, 'title'), version: str(i, 'version') };
  };
  return {
    bump: bumpFor(changes),
    changes,
    breaking: pick('breaking'),
    additions: pick('addition'),
    otherChanges: pick('change'),
    docs: pick('docs'),
    from: info(oldSpec),
    to: info(newSpec),
  };
}
