// generated from spec/openapi.yaml by `npm run generate` — do not edit.
// Change the spec and regenerate instead.

/** One entry per operation of the spec, keyed by operationId: what the runtime needs to send, validate and retry it. */
export const operations = {
  addGroupMembership: {
    method: "POST",
    path: "/groups/{id}/memberships",
    tag: "groups",
    acceptsIdempotencyKey: true,
    acceptsIfMatch: false,
    acceptsIfNoneMatch: false,
    successStatus: 201,
    successStatuses: [
      201
    ],
    pathParams: [
      {
        name: "id",
        sdkName: "id",
        required: true,
        type: "integer",
        minimum: 1
      }
    ],
    queryParams: [],
    body: {
      required: true,
      object: true
    },
    returnsData: true,
    pagination: null,
    sdk: {
      property: "groups",
      method: "addMembership"
    }
  },
  createGroup: {
    method: "POST",
    path: "/groups",
    tag: "groups",
    acceptsIdempotencyKey: true,
    acceptsIfMatch: false,
    acceptsIfNoneMatch: false,
    successStatus: 201,
    successStatuses: [
      201
    ],
    pathParams: [],
    queryParams: [],
    body: {
      required: true,
      object: true
    },
    returnsData: true,
    pagination: null,
    sdk: {
      property: "groups",
      method: "create"
    }
  },
  createUser: {
    method: "POST",
    path: "/users",
    tag: "users",
    acceptsIdempotencyKey: true,
    acceptsIfMatch: false,
    acceptsIfNoneMatch: false,
    successStatus: 201,
    successStatuses: [
      201
    ],
    pathParams: [],
    queryParams: [],
    body: {
      required: true,
      object: true
    },
    returnsData: true,
    pagination: null,
    sdk: {
      property: "users",
      method: "create"
    }
  },
  deleteGroup: {
    method: "DELETE",
    path: "/groups/{id}",
    tag: "groups",
    acceptsIdempotencyKey: false,
    acceptsIfMatch: true,
    acceptsIfNoneMatch: false,
    successStatus: 200,
    successStatuses: [
      200,
      204
    ],
    pathParams: [
      {
        name: "id",
        sdkName: "id",
        required: true,
        type: "integer",
        minimum: 1
      }
    ],
    queryParams: [],
    body: null,
    returnsData: false,
    pagination: null,
    sdk: {
      property: "groups",
      method: "delete"
    }
  },
  deleteUser: {
    method: "DELETE",
    path: "/users/{id}",
    tag: "users",
    acceptsIdempotencyKey: false,
    acceptsIfMatch: true,
    acceptsIfNoneMatch: false,
    successStatus: 200,
    successStatuses: [
      200,
      204
    ],
    pathParams: [
      {
        name: "id",
        sdkName: "id",
        required: true,
        type: "integer",
        minimum: 1
      }
    ],
    queryParams: [],
    body: null,
    returnsData: false,
    pagination: null,
    sdk: {
      property: "users",
      method: "delete"
    }
  },
  getGroup: {
    method: "GET",
    path: "/groups/{id}",
    tag: "groups",
    acceptsIdempotencyKey: false,
    acceptsIfMatch: false,
    acceptsIfNoneMatch: true,
    successStatus: 200,
    successStatuses: [
      200
    ],
    pathParams: [
      {
        name: "id",
        sdkName: "id",
        required: true,
        type: "integer",
        minimum: 1
      }
    ],
    queryParams: [],
    body: null,
    returnsData: true,
    pagination: null,
    sdk: {
      property: "groups",
      method: "get"
    }
  },
  getUser: {
    method: "GET",
    path: "/users/{id}",
    tag: "users",
    acceptsIdempotencyKey: false,
    acceptsIfMatch: false,
    acceptsIfNoneMatch: true,
    successStatus: 200,
    successStatuses: [
      200
    ],
    pathParams: [
      {
        name: "id",
        sdkName: "id",
        required: true,
        type: "integer",
        minimum: 1
      }
    ],
    queryParams: [],
    body: null,
    returnsData: true,
    pagination: null,
    sdk: {
      property: "users",
      method: "get"
    }
  },
  listGroupMemberships: {
    method: "GET",
    path: "/groups/{id}/memberships",
    tag: "groups",
    acceptsIdempotencyKey: false,
    acceptsIfMatch: false,
    acceptsIfNoneMatch: true,
    successStatus: 200,
    successStatuses: [
      200
    ],
    pathParams: [
      {
        name: "id",
        sdkName: "id",
        required: true,
        type: "integer",
        minimum: 1
      }
    ],
    queryParams: [
      {
        name: "_page",
        sdkName: "page",
        required: false,
        type: "integer",
        minimum: 1
      },
      {
        name: "_limit",
        sdkName: "limit",
        required: false,
        type: "integer",
        minimum: 1,
        maximum: 100
      },
      {
        name: "role",
        sdkName: "role",
        required: false,
        type: "string",
        enum: [
          "member",
          "admin"
        ]
      },
      {
        name: "userId",
        sdkName: "userId",
        required: false,
        type: "integer",
        minimum: 1
      }
    ],
    body: null,
    returnsData: true,
    pagination: {
      page: "_page",
      limit: "_limit"
    },
    sdk: {
      property: "groups",
      method: "listMemberships"
    }
  },
  listGroups: {
    method: "GET",
    path: "/groups",
    tag: "groups",
    acceptsIdempotencyKey: false,
    acceptsIfMatch: false,
    acceptsIfNoneMatch: true,
    successStatus: 200,
    successStatuses: [
      200
    ],
    pathParams: [],
    queryParams: [
      {
        name: "_page",
        sdkName: "page",
        required: false,
        type: "integer",
        minimum: 1
      },
      {
        name: "_limit",
        sdkName: "limit",
        required: false,
        type: "integer",
        minimum: 1,
        maximum: 100
      },
      {
        name: "_sort",
        sdkName: "sort",
        required: false,
        type: "string",
        enum: [
          "id",
          "name"
        ]
      },
      {
        name: "_order",
        sdkName: "order",
        required: false,
        type: "string",
        enum: [
          "asc",
          "desc"
        ]
      },
      {
        name: "q",
        sdkName: "q",
        required: false,
        type: "string"
      },
      {
        name: "name",
        sdkName: "name",
        required: false,
        type: "string"
      }
    ],
    body: null,
    returnsData: true,
    pagination: {
      page: "_page",
      limit: "_limit"
    },
    sdk: {
      property: "groups",
      method: "list"
    }
  },
  listUsers: {
    method: "GET",
    path: "/users",
    tag: "users",
    acceptsIdempotencyKey: false,
    acceptsIfMatch: false,
    acceptsIfNoneMatch: true,
    successStatus: 200,
    successStatuses: [
      200
    ],
    pathParams: [],
    queryParams: [
      {
        name: "_page",
        sdkName: "page",
        required: false,
        type: "integer",
        minimum: 1
      },
      {
        name: "_limit",
        sdkName: "limit",
        required: false,
        type: "integer",
        minimum: 1,
        maximum: 100
      },
      {
        name: "_sort",
        sdkName: "sort",
        required: false,
        type: "string",
        enum: [
          "id",
          "name",
          "username",
          "email"
        ]
      },
      {
        name: "_order",
        sdkName: "order",
        required: false,
        type: "string",
        enum: [
          "asc",
          "desc"
        ]
      },
      {
        name: "q",
        sdkName: "q",
        required: false,
        type: "string"
      },
      {
        name: "username",
        sdkName: "username",
        required: false,
        type: "string"
      },
      {
        name: "email",
        sdkName: "email",
        required: false,
        type: "string"
      }
    ],
    body: null,
    returnsData: true,
    pagination: {
      page: "_page",
      limit: "_limit"
    },
    sdk: {
      property: "users",
      method: "list"
    }
  },
  removeGroupMembership: {
    method: "DELETE",
    path: "/memberships/{id}",
    tag: "groups",
    acceptsIdempotencyKey: false,
    acceptsIfMatch: false,
    acceptsIfNoneMatch: false,
    successStatus: 200,
    successStatuses: [
      200,
      204
    ],
    pathParams: [
      {
        name: "id",
        sdkName: "id",
        required: true,
        type: "integer",
        minimum: 1
      }
    ],
    queryParams: [],
    body: null,
    returnsData: false,
    pagination: null,
    sdk: {
      property: "groups",
      method: "removeMembership"
    }
  },
  replaceUser: {
    method: "PUT",
    path: "/users/{id}",
    tag: "users",
    acceptsIdempotencyKey: false,
    acceptsIfMatch: true,
    acceptsIfNoneMatch: false,
    successStatus: 200,
    successStatuses: [
      200
    ],
    pathParams: [
      {
        name: "id",
        sdkName: "id",
        required: true,
        type: "integer",
        minimum: 1
      }
    ],
    queryParams: [],
    body: {
      required: true,
      object: true
    },
    returnsData: true,
    pagination: null,
    sdk: {
      property: "users",
      method: "replace"
    }
  },
  updateGroup: {
    method: "PATCH",
    path: "/groups/{id}",
    tag: "groups",
    acceptsIdempotencyKey: true,
    acceptsIfMatch: true,
    acceptsIfNoneMatch: false,
    successStatus: 200,
    successStatuses: [
      200
    ],
    pathParams: [
      {
        name: "id",
        sdkName: "id",
        required: true,
        type: "integer",
        minimum: 1
      }
    ],
    queryParams: [],
    body: {
      required: true,
      object: true
    },
    returnsData: true,
    pagination: null,
    sdk: {
      property: "groups",
      method: "update"
    }
  },
  updateUser: {
    method: "PATCH",
    path: "/users/{id}",
    tag: "users",
    acceptsIdempotencyKey: true,
    acceptsIfMatch: true,
    acceptsIfNoneMatch: false,
    successStatus: 200,
    successStatuses: [
      200
    ],
    pathParams: [
      {
        name: "id",
        sdkName: "id",
        required: true,
        type: "integer",
        minimum: 1
      }
    ],
    queryParams: [],
    body: {
      required: true,
      object: true
    },
    returnsData: true,
    pagination: null,
    sdk: {
      property: "users",
      method: "update"
    }
  }
} as const;

/** The operationIds of the spec. */
export type OperationId =
  | 'addGroupMembership'
  | 'createGroup'
  | 'createUser'
  | 'deleteGroup'
  | 'deleteUser'
  | 'getGroup'
  | 'getUser'
  | 'listGroupMemberships'
  | 'listGroups'
  | 'listUsers'
  | 'removeGroupMembership'
  | 'replaceUser'
  | 'updateGroup'
  | 'updateUser';
