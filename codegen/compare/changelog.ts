// Words for a classification: the terminal report of `npm run spec:update` and the changeset it writes
// (@changesets/cli format: frontmatter `"<package>": major|minor|patch`, then the summary; the summary's
// first line becomes the CHANGELOG entry and the rest is indented under it).
import type { Change } from './changes.js';
import type { Bump, Classification } from './classify.js';

type Section = 'breaking' | 'additions' | 'otherChanges' | 'docs';

const SECTIONS: readonly (readonly [Section, string])[] = [
  ['breaking', 'Breaking changes'],
  ['additions', 'Added'],
  ['otherChanges', 'Changed'],
  ['docs', 'Documentation'],
];

const plural = (n: number, one: string, many = `${one}s`): string => `${n} ${n === 1 ? one : many}`;

/** One line for a change: the message, then where (`— responses of getUser, listUsers`). */
export function describeChange(change: Change): string {
  const message = change.message.charAt(0).toUpperCase() + change.message.slice(1);
  const ops = change.operations.filter((id) => !change.message.includes(`\`${id}\``));
  if (ops.length === 0) return message;
  const list = ops.map((id) => `\`${id}\``).join(', ');
  const where =
    change.area === 'request'
      ? `requests of ${list}`
      : change.area === 'response'
        ? `responses of ${list}`
        : list;
  return `${message} — ${where}`;
}

/** "2 breaking changes, 1 addition, 3 documentation changes". */
export function countSummary(result: Classification): string {
  const parts: string[] = [];
  if (result.breaking.length) parts.push(plural(result.breaking.length, 'breaking change'));
  if (result.additions.length) parts.push(plural(result.additions.length, 'addition'));
  if (result.otherChanges.length) parts.push(plural(result.otherChanges.length, 'other change'));
  if (result.docs.length) parts.push(plural(result.docs.length, 'documentation change'));
  return parts.join(', ') || 'no changes';
}

function versionPhrase(result: Classification): string {
  const title = result.to.title ?? result.from.title ?? 'API';
  const to = result.to.version ?? '?';
  const from = result.from.version ?? '?';
  return to === from ? `${title} spec ${to} (revised)` : `${title} spec ${to} (was ${from})`;
}

/** The changeset file (@changesets/cli format) for a classification. */
export function renderChangeset(result: Classification, packageName: string): string {
  const lines = ['---', `"${packageName}": ${result.bump ?? 'patch'}`, '---', ''];
  lines.push(`Follow the provider's ${versionPhrase(result)}: ${countSummary(result)}.`);
  for (const [key, title] of SECTIONS) {
    if (!result[key].length) continue;
    lines.push('', `${title}:`, '');
    for (const change of result[key]) lines.push(`- ${describeChange(change)}`);
  }
  return `${lines.join('\n')}\n`;
}

const WHY: Readonly<Record<Bump, string>> = {
  major: 'major — consumers of the SDK may need to change their code (see docs/VERSIONING.md)',
  minor: 'minor — new operations, fields or values; existing code keeps compiling and working',
  patch: 'patch — descriptions and examples only; types and behaviour are unchanged',
};

const MARKS: Readonly<Record<Section, string>> = {
  breaking: '!',
  additions: '+',
  otherChanges: '~',
  docs: '·',
};

/** The terminal report: what changed, by kind, and the bump. */
export function renderReport(result: Classification): string {
  const lines = [`${versionPhrase(result)}: ${countSummary(result)}`];
  for (const [key, title] of SECTIONS) {
    if (!result[key].length) continue;
    lines.push('', `  ${title}`);
    for (const change of result[key]) lines.push(`    ${MARKS[key]} ${describeChange(change)}`);
  }
  if (result.bump) lines.push('', `  Semver: ${WHY[result.bump]}`);
  return lines.join('\n');
}
