/** The spec:update fixtures for a spec's text: file name → text. */
export function buildFixtures(specText: string): Record<string, string>;
