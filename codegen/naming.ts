// The naming rules of the generated SDK — a public contract, documented in the README:
// - the client property is the tag in camelCase (`users`, `user-roles` → `userRoles`);
// - the method is the operation's `x-sdk-method` when present, otherwise the operationId with the tag's
//   noun removed at its first occurrence, singular or plural (listUsers → list,
//   listGroupMemberships → listMemberships, deactivateUser → deactivate);
// - query parameters are named as in the spec with a leading `_` dropped (`_page` → `page`).
// A collision or an empty name fails generation with a message naming both operations.
import { SpecError, str, type SpecOperation } from './spec.js';

const words = (s: string): string[] => s.split(/[^A-Za-z0-9]+/).filter(Boolean);
const upperFirst = (s: string): string => s.charAt(0).toUpperCase() + s.slice(1);
const lowerFirst = (s: string): string => s.charAt(0).toLowerCase() + s.slice(1);

/** `user-roles` → `userRoles`: the client property of a tag. */
export function tagProperty(tag: string): string {
  const [first = '', ...rest] = words(tag);
  return lowerFirst(first) + rest.map(upperFirst).join('');
}

/** `user-roles` → `UserRoles`: the class of a tag. */
export function tagClass(tag: string): string {
  return upperFirst(tagProperty(tag));
}

/** English singular of a plural noun, for the few forms API tags use (`groups`, `policies`, `addresses`). */
export function singular(noun: string): string {
  if (/ies$/i.test(noun)) return noun.slice(0, -3) + 'y';
  if (/(ss|x|ch|sh)es$/i.test(noun)) return noun.slice(0, -2);
  if (/s$/i.test(noun) && !/ss$/i.test(noun)) return noun.slice(0, -1);
  return noun;
}

/** The operationId with the tag's noun (plural or singular) removed at its first occurrence. */
export function stripTagNoun(operationId: string, tag: string): string {
  const plural = tagClass(tag);
  const one = upperFirst(singular(plural));
  // Camel-case word boundaries: the noun starts the id (any case) or starts with a capital inside it.
  let best: { at: number; length: number } | undefined;
  for (const noun of [plural, one]) {
    if (!noun) continue;
    const lower = operationId.toLowerCase();
    for (
      let at = lower.indexOf(noun.toLowerCase());
      at >= 0;
      at = lower.indexOf(noun.toLowerCase(), at + 1)
    ) {
      const startsWord = at === 0 || operationId.slice(at, at + noun.length) === noun;
      const next = operationId.charAt(at + noun.length);
      const endsWord = next === '' || /[A-Z0-9_]/.test(next);
      if (startsWord && endsWord) {
        if (!best || at < best.at || (at === best.at && noun.length > best.length))
          best = { at, length: noun.length };
        break;
      }
    }
  }
  if (!best) return operationId;
  return lowerFirst(operationId.slice(0, best.at) + operationId.slice(best.at + best.length));
}

const RESERVED = new Set([
  'constructor',
  'then',
  'catch',
  'finally',
  'core',
  'prototype',
  'toString',
  'toJSON',
]);

/** The SDK method name of an operation under the naming rules (not yet checked for collisions). */
export function methodName(op: SpecOperation): string {
  return str(op.node, 'x-sdk-method') ?? stripTagNoun(op.operationId, op.tag);
}

/** The SDK name of a query parameter: its spec name with a leading `_` dropped. */
export function queryName(name: string): string {
  return name.replace(/^_/, '');
}

/** operationId → `{ property, className, method }`; throws SpecError on an empty, invalid or colliding name. */
export function nameOperations(
  ops: readonly SpecOperation[],
): Map<string, { readonly property: string; readonly className: string; readonly method: string }> {
  const out = new Map<string, { property: string; className: string; method: string }>();
  const taken = new Map<string, string>();
  const tagOfProperty = new Map<string, string>();
  for (const op of ops) {
    const property = tagProperty(op.tag);
    if (!property)
      throw new SpecError(`The tag "${op.tag}" of ${op.operationId} gives no client property name.`);
    const other = tagOfProperty.get(property);
    if (other !== undefined && other !== op.tag) {
      throw new SpecError(`The tags "${other}" and "${op.tag}" both become client.${property}; rename one.`);
    }
    tagOfProperty.set(property, op.tag);
    const method = methodName(op);
    if (!method) {
      throw new SpecError(
        `${op.operationId} (tag ${op.tag}) gives an empty method name once the tag's noun is removed; give it an x-sdk-method.`,
      );
    }
    if (!/^[A-Za-z_$][A-Za-z0-9_$]*$/.test(method) || RESERVED.has(method)) {
      throw new SpecError(
        `${op.operationId} (tag ${op.tag}) gives the method name "${method}", which is not usable; give it an x-sdk-method.`,
      );
    }
    const key = `${property}.${method}`;
    const clash = taken.get(key);
    if (clash !== undefined) {
      throw new SpecError(
        `${clash} and ${op.operationId} both become client.${key}(); give one of them an x-sdk-method.`,
      );
    }
    taken.set(key, op.operationId);
    out.set(op.operationId, { property, className: tagClass(op.tag), method });
  }
  return out;
}
