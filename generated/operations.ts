// generated from spec/openapi.yaml by `npm run generate` — do not edit.
// Change the spec and regenerate instead.

/** One entry per operation of the spec, keyed by operationId. */
export const operations = {
  createUser: {
    method: "POST",
    path: "/users",
    tag: "users",
    acceptsIdempotencyKey: true,
    successStatus: 201,
    successStatuses: [
      201
    ]
  },
  deleteUser: {
    method: "DELETE",
    path: "/users/{id}",
    tag: "users",
    acceptsIdempotencyKey: false,
    successStatus: 200,
    successStatuses: [
      200,
      204
    ]
  },
  getUser: {
    method: "GET",
    path: "/users/{id}",
    tag: "users",
    acceptsIdempotencyKey: false,
    successStatus: 200,
    successStatuses: [
      200
    ]
  },
  listUsers: {
    method: "GET",
    path: "/users",
    tag: "users",
    acceptsIdempotencyKey: false,
    successStatus: 200,
    successStatuses: [
      200
    ]
  },
  replaceUser: {
    method: "PUT",
    path: "/users/{id}",
    tag: "users",
    acceptsIdempotencyKey: false,
    successStatus: 200,
    successStatuses: [
      200
    ]
  },
  updateUser: {
    method: "PATCH",
    path: "/users/{id}",
    tag: "users",
    acceptsIdempotencyKey: true,
    successStatus: 200,
    successStatuses: [
      200
    ]
  }
} as const;

/** The operationIds of the spec. */
export type OperationId = keyof typeof operations;
