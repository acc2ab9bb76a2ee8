// Reads a provider's spec and checks it is something the toolchain here can take: one self-contained
// OpenAPI 3.0.x document (openapi-typescript settings, openapi-diff 0.24, Prism and our Spectral rules
// all assume 3.0). Anything else is a SpecError with a message that says what to do.
import { readFile } from 'node:fs/promises';
import { parse } from 'yaml';

/** The spec cannot be used as it is; `message` says why and what to do. */
export class SpecError extends Error {
  name = 'SpecError';
}

/** Checks the version of a parsed document. */
export function assertOpenApi30(doc, label) {
  if (!doc || typeof doc !== 'object' || Array.isArray(doc)) {
    throw new SpecError(`${label} is not an OpenAPI document: expected a YAML or JSON object at the top.`);
  }
  if (doc.swagger !== undefined) {
    throw new SpecError(
      `${label} is Swagger ${doc.swagger} (OpenAPI 2), but this SDK is generated from OpenAPI 3.0.x. ` +
        'Ask the provider for their OpenAPI 3.0 document, or convert it (for example with swagger2openapi) and review the result.',
    );
  }
  if (typeof doc.openapi !== 'string') {
    throw new SpecError(`${label} has no \`openapi: 3.0.x\` field, so it is not an OpenAPI 3 document.`);
  }
  if (!/^3\.0\.\d+$/.test(doc.openapi)) {
    throw new SpecError(
      `${label} is OpenAPI ${doc.openapi}, but this SDK's toolchain (openapi-diff 0.24, the generator settings, Prism, the Spectral rules) ` +
        'expects OpenAPI 3.0.x. Ask the provider for a 3.0 document, or down-convert it (type arrays → nullable, examples, webhooks) before running spec:update.',
    );
  }
}

/** `$ref`s to other files: the spec must be bundled into one document first. */
function externalRefs(node, found = new Set()) {
  if (Array.isArray(node)) node.forEach((n) => externalRefs(n, found));
  else if (node && typeof node === 'object') {
    for (const [k, v] of Object.entries(node)) {
      if (k === '$ref' && typeof v === 'string' && !v.startsWith('#')) found.add(v);
      else externalRefs(v, found);
    }
  }
  return found;
}

/** Parses a spec's text (YAML or JSON) and checks it; returns the document. */
export function parseSpec(text, label) {
  let doc;
  try {
    doc = parse(text);
  } catch (err) {
    throw new SpecError(
      `${label} is neither valid YAML nor JSON: ${err instanceof Error ? err.message.split('\n')[0] : String(err)}`,
    );
  }
  assertOpenApi30(doc, label);
  const refs = [...externalRefs(doc)];
  if (refs.length) {
    throw new SpecError(
      `${label} refers to other files (${refs.slice(0, 3).join(', ')}${refs.length > 3 ? ', …' : ''}); bundle it into one document first.`,
    );
  }
  return doc;
}

/** Reads and checks a spec file; returns its text and the parsed document. */
export async function loadSpec(path, label = path) {
  let text;
  try {
    text = await readFile(path, 'utf8');
  } catch (err) {
    throw new SpecError(`Cannot read ${label}: ${err instanceof Error ? err.message : String(err)}`);
  }
  return { text, doc: parseSpec(text, label) };
}
