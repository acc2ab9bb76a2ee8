// generated from spec/openapi.yaml by `npm run generate` — do not edit.
// Change the spec and regenerate instead.

/** The operations and schemas of the spec that the mock in `user-management-sdk/testing` reads. */
export const specModel = {
  "operations": {
    "addGroupMembership": {
      "method": "POST",
      "path": "/groups/{id}/memberships",
      "tag": "groups",
      "parameters": [
        {
          "name": "id",
          "in": "path",
          "required": true,
          "schema": {
            "type": "integer",
            "minimum": 1
          }
        }
      ],
      "requestBody": {
        "required": true,
        "schema": {
          "$ref": "#/components/schemas/NewMembership"
        }
      },
      "success": {
        "status": 201,
        "schema": {
          "$ref": "#/components/schemas/Membership"
        },
        "examples": [
          {
            "id": 1,
            "groupId": 1,
            "userId": 1,
            "role": "admin"
          }
        ]
      },
      "errorStatuses": [
        400,
        401,
        403,
        404,
        409,
        422,
        429,
        500,
        503
      ],
      "conditional": {
        "etag": false,
        "ifMatch": false,
        "ifNoneMatch": false
      }
    },
    "createGroup": {
      "method": "POST",
      "path": "/groups",
      "tag": "groups",
      "parameters": [],
      "requestBody": {
        "required": true,
        "schema": {
          "$ref": "#/components/schemas/NewGroup"
        }
      },
      "success": {
        "status": 201,
        "schema": {
          "$ref": "#/components/schemas/Group"
        },
        "examples": [
          {
            "id": 1,
            "name": "Administrators",
            "description": "People who manage the organisation."
          }
        ]
      },
      "errorStatuses": [
        400,
        401,
        403,
        409,
        422,
        429,
        500,
        503
      ],
      "conditional": {
        "etag": true,
        "ifMatch": false,
        "ifNoneMatch": false
      }
    },
    "createUser": {
      "method": "POST",
      "path": "/users",
      "tag": "users",
      "parameters": [],
      "requestBody": {
        "required": true,
        "schema": {
          "$ref": "#/components/schemas/NewUser"
        }
      },
      "success": {
        "status": 201,
        "schema": {
          "$ref": "#/components/schemas/User"
        },
        "examples": [
          {
            "id": 11,
            "name": "Ada Lovelace",
            "username": "ada",
            "email": "ada@example.com",
            "phone": "555-0100",
            "website": "ada.example.com"
          }
        ]
      },
      "errorStatuses": [
        400,
        401,
        403,
        409,
        422,
        429,
        500,
        503
      ],
      "conditional": {
        "etag": true,
        "ifMatch": false,
        "ifNoneMatch": false
      }
    },
    "deleteGroup": {
      "method": "DELETE",
      "path": "/groups/{id}",
      "tag": "groups",
      "parameters": [
        {
          "name": "id",
          "in": "path",
          "required": true,
          "schema": {
            "type": "integer",
            "minimum": 1
          }
        }
      ],
      "success": {
        "status": 200,
        "schema": {
          "$ref": "#/components/schemas/Empty"
        },
        "examples": [
          {}
        ]
      },
      "errorStatuses": [
        401,
        403,
        404,
        412,
        429,
        500,
        503
      ],
      "conditional": {
        "etag": false,
        "ifMatch": true,
        "ifNoneMatch": false
      }
    },
    "deleteUser": {
      "method": "DELETE",
      "path": "/users/{id}",
      "tag": "users",
      "parameters": [
        {
          "name": "id",
          "in": "path",
          "required": true,
          "schema": {
            "type": "integer",
            "minimum": 1
          }
        }
      ],
      "success": {
        "status": 200,
        "schema": {
          "$ref": "#/components/schemas/Empty"
        },
        "examples": [
          {}
        ]
      },
      "errorStatuses": [
        401,
        403,
        404,
        412,
        429,
        500,
        503
      ],
      "conditional": {
        "etag": false,
        "ifMatch": true,
        "ifNoneMatch": false
      }
    },
    "getGroup": {
      "method": "GET",
      "path": "/groups/{id}",
      "tag": "groups",
      "parameters": [
        {
          "name": "id",
          "in": "path",
          "required": true,
          "schema": {
            "type": "integer",
            "minimum": 1
          }
        }
      ],
      "success": {
        "status": 200,
        "schema": {
          "$ref": "#/components/schemas/Group"
        },
        "examples": [
          {
            "id": 1,
            "name": "Administrators",
            "description": "People who manage the organisation."
          }
        ]
      },
      "errorStatuses": [
        400,
        401,
        403,
        404,
        429,
        500,
        503
      ],
      "conditional": {
        "etag": true,
        "ifMatch": false,
        "ifNoneMatch": true
      }
    },
    "getUser": {
      "method": "GET",
      "path": "/users/{id}",
      "tag": "users",
      "parameters": [
        {
          "name": "id",
          "in": "path",
          "required": true,
          "schema": {
            "type": "integer",
            "minimum": 1
          }
        }
      ],
      "success": {
        "status": 200,
        "schema": {
          "$ref": "#/components/schemas/User"
        },
        "examples": [
          {
            "id": 1,
            "name": "Leanne Graham",
            "username": "Bret",
            "email": "Sincere@april.biz",
            "address": {
              "street": "Kulas Light",
              "suite": "Apt. 556",
              "city": "Gwenborough",
              "zipcode": "92998-3874",
              "geo": {
                "lat": "-37.3159",
                "lng": "81.1496"
              }
            },
            "phone": "1-770-736-8031 x56442",
            "website": "hildegard.org",
            "company": {
              "name": "Romaguera-Crona",
              "catchPhrase": "Multi-layered client-server neural-net",
              "bs": "harness real-time e-markets"
            }
          }
        ]
      },
      "errorStatuses": [
        400,
        401,
        403,
        404,
        429,
        500,
        503
      ],
      "conditional": {
        "etag": true,
        "ifMatch": false,
        "ifNoneMatch": true
      }
    },
    "listGroupMemberships": {
      "method": "GET",
      "path": "/groups/{id}/memberships",
      "tag": "groups",
      "parameters": [
        {
          "name": "id",
          "in": "path",
          "required": true,
          "schema": {
            "type": "integer",
            "minimum": 1
          }
        },
        {
          "name": "_page",
          "in": "query",
          "required": false,
          "schema": {
            "type": "integer",
            "minimum": 1
          }
        },
        {
          "name": "_limit",
          "in": "query",
          "required": false,
          "schema": {
            "type": "integer",
            "minimum": 1,
            "maximum": 100
          }
        },
        {
          "name": "role",
          "in": "query",
          "required": false,
          "schema": {
            "$ref": "#/components/schemas/MembershipRole"
          }
        },
        {
          "name": "userId",
          "in": "query",
          "required": false,
          "schema": {
            "type": "integer",
            "minimum": 1
          }
        }
      ],
      "success": {
        "status": 200,
        "schema": {
          "type": "array",
          "items": {
            "$ref": "#/components/schemas/Membership"
          }
        },
        "examples": [
          [
            {
              "id": 1,
              "groupId": 1,
              "userId": 1,
              "role": "admin"
            },
            {
              "id": 2,
              "groupId": 1,
              "userId": 2,
              "role": "member"
            }
          ]
        ]
      },
      "errorStatuses": [
        400,
        401,
        403,
        422,
        429,
        500,
        503
      ],
      "conditional": {
        "etag": false,
        "ifMatch": false,
        "ifNoneMatch": true
      }
    },
    "listGroups": {
      "method": "GET",
      "path": "/groups",
      "tag": "groups",
      "parameters": [
        {
          "name": "_page",
          "in": "query",
          "required": false,
          "schema": {
            "type": "integer",
            "minimum": 1
          }
        },
        {
          "name": "_limit",
          "in": "query",
          "required": false,
          "schema": {
            "type": "integer",
            "minimum": 1,
            "maximum": 100
          }
        },
        {
          "name": "_sort",
          "in": "query",
          "required": false,
          "schema": {
            "type": "string",
            "enum": [
              "id",
              "name"
            ]
          }
        },
        {
          "name": "_order",
          "in": "query",
          "required": false,
          "schema": {
            "type": "string",
            "enum": [
              "asc",
              "desc"
            ]
          }
        },
        {
          "name": "q",
          "in": "query",
          "required": false,
          "schema": {
            "type": "string"
          }
        },
        {
          "name": "name",
          "in": "query",
          "required": false,
          "schema": {
            "type": "string"
          }
        }
      ],
      "success": {
        "status": 200,
        "schema": {
          "type": "array",
          "items": {
            "$ref": "#/components/schemas/Group"
          }
        },
        "examples": [
          [
            {
              "id": 1,
              "name": "Administrators",
              "description": "People who manage the organisation."
            },
            {
              "id": 2,
              "name": "Engineering"
            }
          ]
        ]
      },
      "errorStatuses": [
        400,
        401,
        403,
        422,
        429,
        500,
        503
      ],
      "conditional": {
        "etag": false,
        "ifMatch": false,
        "ifNoneMatch": true
      }
    },
    "listUsers": {
      "method": "GET",
      "path": "/users",
      "tag": "users",
      "parameters": [
        {
          "name": "_page",
          "in": "query",
          "required": false,
          "schema": {
            "type": "integer",
            "minimum": 1
          }
        },
        {
          "name": "_limit",
          "in": "query",
          "required": false,
          "schema": {
            "type": "integer",
            "minimum": 1,
            "maximum": 100
          }
        },
        {
          "name": "_sort",
          "in": "query",
          "required": false,
          "schema": {
            "type": "string",
            "enum": [
              "id",
              "name",
              "username",
              "email"
            ]
          }
        },
        {
          "name": "_order",
          "in": "query",
          "required": false,
          "schema": {
            "type": "string",
            "enum": [
              "asc",
              "desc"
            ]
          }
        },
        {
          "name": "q",
          "in": "query",
          "required": false,
          "schema": {
            "type": "string"
          }
        },
        {
          "name": "username",
          "in": "query",
          "required": false,
          "schema": {
            "type": "string"
          }
        },
        {
          "name": "email",
          "in": "query",
          "required": false,
          "schema": {
            "type": "string"
          }
        }
      ],
      "success": {
        "status": 200,
        "schema": {
          "type": "array",
          "items": {
            "$ref": "#/components/schemas/User"
          }
        },
        "examples": [
          [
            {
              "id": 1,
              "name": "Leanne Graham",
              "username": "Bret",
              "email": "Sincere@april.biz"
            },
            {
              "id": 2,
              "name": "Ervin Howell",
              "username": "Antonette",
              "email": "Shanna@melissa.tv"
            },
            {
              "id": 3,
              "name": "Clementine Bauch",
              "username": "Samantha",
              "email": "Nathan@yesenia.net"
            }
          ]
        ]
      },
      "errorStatuses": [
        400,
        401,
        403,
        422,
        429,
        500,
        503
      ],
      "conditional": {
        "etag": false,
        "ifMatch": false,
        "ifNoneMatch": true
      }
    },
    "removeGroupMembership": {
      "method": "DELETE",
      "path": "/memberships/{id}",
      "tag": "groups",
      "parameters": [
        {
          "name": "id",
          "in": "path",
          "required": true,
          "schema": {
            "type": "integer",
            "minimum": 1
          }
        }
      ],
      "success": {
        "status": 200,
        "schema": {
          "$ref": "#/components/schemas/Empty"
        },
        "examples": [
          {}
        ]
      },
      "errorStatuses": [
        401,
        403,
        404,
        429,
        500,
        503
      ],
      "conditional": {
        "etag": false,
        "ifMatch": false,
        "ifNoneMatch": false
      }
    },
    "replaceUser": {
      "method": "PUT",
      "path": "/users/{id}",
      "tag": "users",
      "parameters": [
        {
          "name": "id",
          "in": "path",
          "required": true,
          "schema": {
            "type": "integer",
            "minimum": 1
          }
        }
      ],
      "requestBody": {
        "required": true,
        "schema": {
          "$ref": "#/components/schemas/UserReplace"
        }
      },
      "success": {
        "status": 200,
        "schema": {
          "$ref": "#/components/schemas/User"
        },
        "examples": [
          {
            "id": 1,
            "name": "Leanne Graham",
            "username": "Bret",
            "email": "Sincere@april.biz",
            "address": {
              "street": "Kulas Light",
              "suite": "Apt. 556",
              "city": "Gwenborough",
              "zipcode": "92998-3874",
              "geo": {
                "lat": "-37.3159",
                "lng": "81.1496"
              }
            },
            "phone": "1-770-736-8031 x56442",
            "website": "hildegard.org",
            "company": {
              "name": "Romaguera-Crona",
              "catchPhrase": "Multi-layered client-server neural-net",
              "bs": "harness real-time e-markets"
            }
          }
        ]
      },
      "errorStatuses": [
        400,
        401,
        403,
        404,
        409,
        412,
        422,
        429,
        500,
        503
      ],
      "conditional": {
        "etag": true,
        "ifMatch": true,
        "ifNoneMatch": false
      }
    },
    "updateGroup": {
      "method": "PATCH",
      "path": "/groups/{id}",
      "tag": "groups",
      "parameters": [
        {
          "name": "id",
          "in": "path",
          "required": true,
          "schema": {
            "type": "integer",
            "minimum": 1
          }
        }
      ],
      "requestBody": {
        "required": true,
        "schema": {
          "$ref": "#/components/schemas/GroupPatch"
        }
      },
      "success": {
        "status": 200,
        "schema": {
          "$ref": "#/components/schemas/Group"
        },
        "examples": [
          {
            "id": 1,
            "name": "Administrators",
            "description": "People who manage the organisation."
          }
        ]
      },
      "errorStatuses": [
        400,
        401,
        403,
        404,
        409,
        412,
        422,
        429,
        500,
        503
      ],
      "conditional": {
        "etag": true,
        "ifMatch": true,
        "ifNoneMatch": false
      }
    },
    "updateUser": {
      "method": "PATCH",
      "path": "/users/{id}",
      "tag": "users",
      "parameters": [
        {
          "name": "id",
          "in": "path",
          "required": true,
          "schema": {
            "type": "integer",
            "minimum": 1
          }
        }
      ],
      "requestBody": {
        "required": true,
        "schema": {
          "$ref": "#/components/schemas/UserPatch"
        }
      },
      "success": {
        "status": 200,
        "schema": {
          "$ref": "#/components/schemas/User"
        },
        "examples": [
          {
            "id": 1,
            "name": "Leanne Graham",
            "username": "Bret",
            "email": "Sincere@april.biz",
            "address": {
              "street": "Kulas Light",
              "suite": "Apt. 556",
              "city": "Gwenborough",
              "zipcode": "92998-3874",
              "geo": {
                "lat": "-37.3159",
                "lng": "81.1496"
              }
            },
            "phone": "1-770-736-8031 x56442",
            "website": "hildegard.org",
            "company": {
              "name": "Romaguera-Crona",
              "catchPhrase": "Multi-layered client-server neural-net",
              "bs": "harness real-time e-markets"
            }
          }
        ]
      },
      "errorStatuses": [
        400,
        401,
        403,
        404,
        409,
        412,
        422,
        429,
        500,
        503
      ],
      "conditional": {
        "etag": true,
        "ifMatch": true,
        "ifNoneMatch": false
      }
    }
  },
  "schemas": {
    "Geo": {
      "type": "object",
      "properties": {
        "lat": {
          "type": "string"
        },
        "lng": {
          "type": "string"
        }
      }
    },
    "Address": {
      "type": "object",
      "properties": {
        "street": {
          "type": "string"
        },
        "suite": {
          "type": "string"
        },
        "city": {
          "type": "string"
        },
        "zipcode": {
          "type": "string"
        },
        "geo": {
          "allOf": [
            {
              "$ref": "#/components/schemas/Geo"
            }
          ]
        }
      }
    },
    "Company": {
      "type": "object",
      "properties": {
        "name": {
          "type": "string"
        },
        "catchPhrase": {
          "type": "string"
        },
        "bs": {
          "type": "string"
        }
      }
    },
    "User": {
      "type": "object",
      "required": [
        "id",
        "name",
        "username",
        "email"
      ],
      "properties": {
        "id": {
          "type": "integer",
          "minimum": 1,
          "readOnly": true
        },
        "name": {
          "type": "string",
          "minLength": 1
        },
        "username": {
          "type": "string",
          "minLength": 1
        },
        "email": {
          "type": "string",
          "format": "email"
        },
        "address": {
          "allOf": [
            {
              "$ref": "#/components/schemas/Address"
            }
          ]
        },
        "phone": {
          "type": "string"
        },
        "website": {
          "type": "string"
        },
        "company": {
          "allOf": [
            {
              "$ref": "#/components/schemas/Company"
            }
          ]
        }
      }
    },
    "NewUser": {
      "type": "object",
      "required": [
        "name",
        "username",
        "email"
      ],
      "additionalProperties": false,
      "properties": {
        "name": {
          "type": "string",
          "minLength": 1
        },
        "username": {
          "type": "string",
          "minLength": 1
        },
        "email": {
          "type": "string",
          "format": "email"
        },
        "address": {
          "allOf": [
            {
              "$ref": "#/components/schemas/Address"
            }
          ]
        },
        "phone": {
          "type": "string"
        },
        "website": {
          "type": "string"
        },
        "company": {
          "allOf": [
            {
              "$ref": "#/components/schemas/Company"
            }
          ]
        }
      }
    },
    "UserReplace": {
      "type": "object",
      "required": [
        "name",
        "username",
        "email"
      ],
      "additionalProperties": false,
      "properties": {
        "name": {
          "type": "string",
          "minLength": 1
        },
        "username": {
          "type": "string",
          "minLength": 1
        },
        "email": {
          "type": "string",
          "format": "email"
        },
        "address": {
          "allOf": [
            {
              "$ref": "#/components/schemas/Address"
            }
          ]
        },
        "phone": {
          "type": "string"
        },
        "website": {
          "type": "string"
        },
        "company": {
          "allOf": [
            {
              "$ref": "#/components/schemas/Company"
            }
          ]
        }
      }
    },
    "UserPatch": {
      "type": "object",
      "minProperties": 1,
      "additionalProperties": false,
      "properties": {
        "name": {
          "type": "string",
          "minLength": 1
        },
        "username": {
          "type": "string",
          "minLength": 1
        },
        "email": {
          "type": "string",
          "format": "email"
        },
        "address": {
          "allOf": [
            {
              "$ref": "#/components/schemas/Address"
            }
          ]
        },
        "phone": {
          "type": "string"
        },
        "website": {
          "type": "string"
        },
        "company": {
          "allOf": [
            {
              "$ref": "#/components/schemas/Company"
            }
          ]
        }
      }
    },
    "Group": {
      "type": "object",
      "required": [
        "id",
        "name"
      ],
      "properties": {
        "id": {
          "type": "integer",
          "minimum": 1,
          "readOnly": true
        },
        "name": {
          "type": "string",
          "minLength": 1
        },
        "description": {
          "type": "string"
        }
      }
    },
    "NewGroup": {
      "type": "object",
      "required": [
        "name"
      ],
      "additionalProperties": false,
      "properties": {
        "name": {
          "type": "string",
          "minLength": 1
        },
        "description": {
          "type": "string"
        }
      }
    },
    "GroupPatch": {
      "type": "object",
      "minProperties": 1,
      "additionalProperties": false,
      "properties": {
        "name": {
          "type": "string",
          "minLength": 1
        },
        "description": {
          "type": "string"
        }
      }
    },
    "MembershipRole": {
      "type": "string",
      "enum": [
        "member",
        "admin"
      ]
    },
    "Membership": {
      "type": "object",
      "required": [
        "id",
        "groupId",
        "userId",
        "role"
      ],
      "properties": {
        "id": {
          "type": "integer",
          "minimum": 1,
          "readOnly": true
        },
        "groupId": {
          "type": "integer",
          "minimum": 1
        },
        "userId": {
          "type": "integer",
          "minimum": 1
        },
        "role": {
          "allOf": [
            {
              "$ref": "#/components/schemas/MembershipRole"
            }
          ]
        }
      }
    },
    "NewMembership": {
      "type": "object",
      "required": [
        "userId",
        "role"
      ],
      "additionalProperties": false,
      "properties": {
        "userId": {
          "type": "integer",
          "minimum": 1
        },
        "role": {
          "allOf": [
            {
              "$ref": "#/components/schemas/MembershipRole"
            }
          ]
        }
      }
    },
    "Empty": {
      "type": "object",
      "additionalProperties": false,
      "maxProperties": 0
    },
    "FieldError": {
      "type": "object",
      "required": [
        "field",
        "message"
      ],
      "properties": {
        "field": {
          "type": "string"
        },
        "message": {
          "type": "string"
        }
      }
    },
    "Problem": {
      "type": "object",
      "properties": {
        "type": {
          "type": "string",
          "default": "about:blank"
        },
        "title": {
          "type": "string"
        },
        "status": {
          "type": "integer"
        },
        "detail": {
          "type": "string"
        },
        "instance": {
          "type": "string"
        },
        "errors": {
          "type": "array",
          "items": {
            "$ref": "#/components/schemas/FieldError"
          }
        }
      }
    }
  }
};

/** The operationIds of the spec, e.g. `'getUser'`. */
export type SpecOperationId =
  | "addGroupMembership"
  | "createGroup"
  | "createUser"
  | "deleteGroup"
  | "deleteUser"
  | "getGroup"
  | "getUser"
  | "listGroupMemberships"
  | "listGroups"
  | "listUsers"
  | "removeGroupMembership"
  | "replaceUser"
  | "updateGroup"
  | "updateUser";
