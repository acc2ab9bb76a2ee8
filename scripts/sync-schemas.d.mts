/** The contents of src/sync/user-schemas.json for the given spec/openapi.yaml text. */
export function buildUserSchemas(specText: string): string;
