// generated from spec/openapi.yaml by `npm run generate` — do not edit.
// Change the spec and regenerate instead.

export interface paths {
    "/users": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List users, one page at a time
         * @description Pages with `_page`/`_limit`; the total count is in `X-Total-Count` and the neighbour pages in `Link`.
         */
        get: operations["listUsers"];
        put?: never;
        /**
         * Create a user
         * @description The server assigns the id (json-server assigns the largest id + 1, so the id of a deleted last user is handed out again). Send an `Idempotency-Key` to make retries safe; json-server ignores it, so there a retried create can create the user twice.
         */
        post: operations["createUser"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/users/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description The user's id.
                 * @example 1
                 */
                id: components["parameters"]["UserId"];
            };
            cookie?: never;
        };
        /** Get one user */
        get: operations["getUser"];
        /**
         * Replace a user
         * @description Replaces every field; fields left out are removed.
         */
        put: operations["replaceUser"];
        post?: never;
        /**
         * Delete a user
         * @description A well-behaved server answers `204`; json-server answers `200` with `{}`.
         */
        delete: operations["deleteUser"];
        options?: never;
        head?: never;
        /**
         * Update some fields of a user
         * @description Merges the given fields into the user. Send an `Idempotency-Key` to make retries safe (json-server ignores it; a repeated merge of the same fields is harmless).
         */
        patch: operations["updateUser"];
        trace?: never;
    };
    "/groups": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List groups, one page at a time
         * @description Pages with `_page`/`_limit`; the total count is in `X-Total-Count` and the neighbour pages in `Link`.
         */
        get: operations["listGroups"];
        put?: never;
        /**
         * Create a group
         * @description The server assigns the id. Send an `Idempotency-Key` to make retries safe; json-server ignores it, so there a retried create can create the group twice.
         */
        post: operations["createGroup"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/groups/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description The group's id.
                 * @example 1
                 */
                id: components["parameters"]["GroupId"];
            };
            cookie?: never;
        };
        /** Get one group */
        get: operations["getGroup"];
        put?: never;
        post?: never;
        /**
         * Delete a group
         * @description A well-behaved server answers `204`; json-server answers `200` with `{}`, and removes the group's memberships with it.
         */
        delete: operations["deleteGroup"];
        options?: never;
        head?: never;
        /**
         * Update some fields of a group
         * @description Merges the given fields into the group. Send an `Idempotency-Key` to make retries safe (json-server ignores it; a repeated merge of the same fields is harmless).
         */
        patch: operations["updateGroup"];
        trace?: never;
    };
    "/groups/{id}/memberships": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description The group's id.
                 * @example 1
                 */
                id: components["parameters"]["GroupId"];
            };
            cookie?: never;
        };
        /**
         * List the memberships of a group, one page at a time
         * @description Pages with `_page`/`_limit` like the group list; json-server serves this nested route as `/memberships?groupId={id}`.
         */
        get: operations["listGroupMemberships"];
        put?: never;
        /**
         * Add a user to a group
         * @description The group comes from the path. Send an `Idempotency-Key` to make retries safe; json-server ignores it, so there a retried add can add the user twice.
         */
        post: operations["addGroupMembership"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/memberships/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description The membership's id.
                 * @example 1
                 */
                id: components["parameters"]["MembershipId"];
            };
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /**
         * Remove a membership
         * @description A well-behaved server answers `204`; json-server answers `200` with `{}`.
         */
        delete: operations["removeGroupMembership"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
}
export type webhooks = Record<string, never>;
export interface components {
    schemas: {
        /** @description Coordinates, as strings (as JSONPlaceholder sends them). */
        Geo: {
            /**
             * @description Latitude, in decimal degrees.
             * @example -37.3159
             */
            lat?: string;
            /**
             * @description Longitude, in decimal degrees.
             * @example 81.1496
             */
            lng?: string;
        };
        /** @description A postal address. */
        Address: {
            /** @description Street name and number. */
            street?: string;
            /** @description Apartment or suite. */
            suite?: string;
            /** @description City. */
            city?: string;
            /** @description Postal code. */
            zipcode?: string;
            /** @description Coordinates of the address. */
            geo?: components["schemas"]["Geo"];
        };
        /** @description The user's employer. */
        Company: {
            /** @description Company name. */
            name?: string;
            /** @description The company's slogan. */
            catchPhrase?: string;
            /** @description The company's line of business. */
            bs?: string;
        };
        /** @description A user as the server stores it. */
        User: {
            /** @description Assigned by the server. */
            readonly id: number;
            /** @description Full name. */
            name: string;
            /** @description Login name. */
            username: string;
            /**
             * Format: email
             * @description Email address.
             */
            email: string;
            /** @description Postal address. */
            address?: components["schemas"]["Address"];
            /** @description Phone number, as free text. */
            phone?: string;
            /** @description Website host name or URL. */
            website?: string;
            /** @description Employer. */
            company?: components["schemas"]["Company"];
        };
        /** @description The fields of a user to create; the server assigns the id. */
        NewUser: {
            /** @description Full name. */
            name: string;
            /** @description Login name. */
            username: string;
            /**
             * Format: email
             * @description Email address.
             */
            email: string;
            /** @description Postal address. */
            address?: components["schemas"]["Address"];
            /** @description Phone number, as free text. */
            phone?: string;
            /** @description Website host name or URL. */
            website?: string;
            /** @description Employer. */
            company?: components["schemas"]["Company"];
        };
        /** @description Every field of a user, replacing the stored ones (`id` comes from the path). */
        UserReplace: {
            /** @description Full name. */
            name: string;
            /** @description Login name. */
            username: string;
            /**
             * Format: email
             * @description Email address.
             */
            email: string;
            /** @description Postal address. */
            address?: components["schemas"]["Address"];
            /** @description Phone number, as free text. */
            phone?: string;
            /** @description Website host name or URL. */
            website?: string;
            /** @description Employer. */
            company?: components["schemas"]["Company"];
        };
        /** @description Some fields of a user, merged into the stored ones. */
        UserPatch: {
            /** @description Full name. */
            name?: string;
            /** @description Login name. */
            username?: string;
            /**
             * Format: email
             * @description Email address.
             */
            email?: string;
            /** @description Postal address. */
            address?: components["schemas"]["Address"];
            /** @description Phone number, as free text. */
            phone?: string;
            /** @description Website host name or URL. */
            website?: string;
            /** @description Employer. */
            company?: components["schemas"]["Company"];
        };
        /** @description A group of users. */
        Group: {
            /** @description Assigned by the server. */
            readonly id: number;
            /** @description Display name. */
            name: string;
            /** @description What the group is for. */
            description?: string;
        };
        /** @description The fields of a group to create; the server assigns the id. */
        NewGroup: {
            /** @description Display name. */
            name: string;
            /** @description What the group is for. */
            description?: string;
        };
        /** @description Some fields of a group, merged into the stored ones. */
        GroupPatch: {
            /** @description Display name. */
            name?: string;
            /** @description What the group is for. */
            description?: string;
        };
        /**
         * @description What a member may do in the group.
         * @enum {string}
         */
        MembershipRole: "member" | "admin";
        /** @description A user's membership of a group. */
        Membership: {
            /** @description Assigned by the server. */
            readonly id: number;
            /** @description The group's id. */
            groupId: number;
            /** @description The member's user id. */
            userId: number;
            /** @description What the member may do in the group. */
            role: components["schemas"]["MembershipRole"];
        };
        /** @description A membership to add; the group comes from the path. */
        NewMembership: {
            /** @description The member's user id. */
            userId: number;
            /** @description What the member may do in the group. */
            role: components["schemas"]["MembershipRole"];
        };
        /** @description An empty object, as json-server sends it. */
        Empty: Record<string, never>;
        /** @description One failed field. */
        FieldError: {
            /** @description The name of the field that failed. */
            field: string;
            /** @description Why the field failed, for a person to read. */
            message: string;
        };
        /** @description RFC 9457 problem details. */
        Problem: {
            /**
             * @description A URI that identifies the problem type.
             * @default about:blank
             */
            type: string;
            /** @description A short summary of the problem type. */
            title?: string;
            /** @description The HTTP status code of this occurrence. */
            status?: number;
            /** @description An explanation of this occurrence, for a person to read. */
            detail?: string;
            /** @description A URI that identifies this occurrence. */
            instance?: string;
            /** @description The fields that failed validation, if any. */
            errors?: components["schemas"]["FieldError"][];
        };
    };
    responses: {
        /** @description The request is malformed. */
        BadRequest: {
            headers: {
                "X-Request-Id": components["headers"]["X-Request-Id"];
                [name: string]: unknown;
            };
            content: {
                /**
                 * @example {
                 *       "type": "about:blank",
                 *       "title": "Bad Request",
                 *       "status": 400,
                 *       "detail": "The query parameter _limit must be an integer."
                 *     }
                 */
                "application/problem+json": components["schemas"]["Problem"];
            };
        };
        /** @description Missing or invalid credentials. */
        Unauthorized: {
            headers: {
                "X-Request-Id": components["headers"]["X-Request-Id"];
                [name: string]: unknown;
            };
            content: {
                /**
                 * @example {
                 *       "type": "about:blank",
                 *       "title": "Unauthorized",
                 *       "status": 401,
                 *       "detail": "Credentials are missing or invalid."
                 *     }
                 */
                "application/problem+json": components["schemas"]["Problem"];
            };
        };
        /** @description The credentials do not allow this operation. */
        Forbidden: {
            headers: {
                "X-Request-Id": components["headers"]["X-Request-Id"];
                [name: string]: unknown;
            };
            content: {
                /**
                 * @example {
                 *       "type": "about:blank",
                 *       "title": "Forbidden",
                 *       "status": 403,
                 *       "detail": "The key does not allow writes."
                 *     }
                 */
                "application/problem+json": components["schemas"]["Problem"];
            };
        };
        /** @description Nothing has this id. json-server answers with an empty object `{}` instead of problem details. */
        NotFound: {
            headers: {
                "X-Request-Id": components["headers"]["X-Request-Id"];
                [name: string]: unknown;
            };
            content: {
                /**
                 * @example {
                 *       "type": "about:blank",
                 *       "title": "Not Found",
                 *       "status": 404,
                 *       "detail": "User 42 does not exist."
                 *     }
                 */
                "application/problem+json": components["schemas"]["Problem"];
                /** @example {} */
                "application/json": components["schemas"]["Empty"];
            };
        };
        /** @description The resource is unchanged since the version in `If-None-Match`; no body. */
        NotModified: {
            headers: {
                ETag: components["headers"]["ETag"];
                "X-Request-Id": components["headers"]["X-Request-Id"];
                [name: string]: unknown;
            };
            content?: never;
        };
        /** @description The resource is no longer at the version in `If-Match` (someone else changed it); nothing was changed. */
        PreconditionFailed: {
            headers: {
                "X-Request-Id": components["headers"]["X-Request-Id"];
                [name: string]: unknown;
            };
            content: {
                /**
                 * @example {
                 *       "type": "about:blank",
                 *       "title": "Precondition Failed",
                 *       "status": 412,
                 *       "detail": "User 1 is not at version \"1.3\"."
                 *     }
                 */
                "application/problem+json": components["schemas"]["Problem"];
            };
        };
        /** @description The change conflicts with the current state (for example a taken username). */
        Conflict: {
            headers: {
                "X-Request-Id": components["headers"]["X-Request-Id"];
                [name: string]: unknown;
            };
            content: {
                /**
                 * @example {
                 *       "type": "about:blank",
                 *       "title": "Conflict",
                 *       "status": 409,
                 *       "detail": "The username Bret is taken."
                 *     }
                 */
                "application/problem+json": components["schemas"]["Problem"];
            };
        };
        /** @description The request body or parameters fail validation. */
        UnprocessableEntity: {
            headers: {
                "X-Request-Id": components["headers"]["X-Request-Id"];
                [name: string]: unknown;
            };
            content: {
                /**
                 * @example {
                 *       "type": "about:blank",
                 *       "title": "Unprocessable Entity",
                 *       "status": 422,
                 *       "detail": "The user is invalid.",
                 *       "errors": [
                 *         {
                 *           "field": "email",
                 *           "message": "must be an email address"
                 *         }
                 *       ]
                 *     }
                 */
                "application/problem+json": components["schemas"]["Problem"];
            };
        };
        /** @description Rate limited; try again after `Retry-After`. */
        TooManyRequests: {
            headers: {
                "Retry-After": components["headers"]["Retry-After"];
                "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                "X-Request-Id": components["headers"]["X-Request-Id"];
                [name: string]: unknown;
            };
            content: {
                /**
                 * @example {
                 *       "type": "about:blank",
                 *       "title": "Too Many Requests",
                 *       "status": 429,
                 *       "detail": "Rate limit of 100 requests per minute exceeded."
                 *     }
                 */
                "application/problem+json": components["schemas"]["Problem"];
            };
        };
        /** @description The server failed. */
        InternalServerError: {
            headers: {
                "X-Request-Id": components["headers"]["X-Request-Id"];
                [name: string]: unknown;
            };
            content: {
                /**
                 * @example {
                 *       "type": "about:blank",
                 *       "title": "Internal Server Error",
                 *       "status": 500,
                 *       "detail": "An unexpected error occurred."
                 *     }
                 */
                "application/problem+json": components["schemas"]["Problem"];
            };
        };
        /** @description The server is overloaded or down for maintenance; try again after `Retry-After`. */
        ServiceUnavailable: {
            headers: {
                "Retry-After": components["headers"]["Retry-After"];
                "X-Request-Id": components["headers"]["X-Request-Id"];
                [name: string]: unknown;
            };
            content: {
                /**
                 * @example {
                 *       "type": "about:blank",
                 *       "title": "Service Unavailable",
                 *       "status": 503,
                 *       "detail": "Down for maintenance."
                 *     }
                 */
                "application/problem+json": components["schemas"]["Problem"];
            };
        };
    };
    parameters: {
        /**
         * @description The user's id.
         * @example 1
         */
        UserId: number;
        /**
         * @description The group's id.
         * @example 1
         */
        GroupId: number;
        /**
         * @description The membership's id.
         * @example 1
         */
        MembershipId: number;
        /**
         * @description Page number, starting at 1.
         * @example 1
         */
        Page: number;
        /**
         * @description Page size. json-server enforces no maximum, and without `_page` it slices from `_start` and sends no `Link` header; the SDK always sends both.
         * @example 10
         */
        Limit: number;
        /**
         * @description Sort order.
         * @example asc
         */
        Order: "asc" | "desc";
        /**
         * @description Write only if the resource is still at one of these versions (an `ETag` from an earlier response, or `*`); otherwise the server answers `412 Precondition Failed` and changes nothing (RFC 9110 §13.1.1). json-server ignores it; the conformance tests put a middleware in front that enforces it.
         * @example "1.3"
         */
        IfMatch: string;
        /**
         * @description Answer `304 Not Modified` with no body if the resource (or page) is still at one of these versions (RFC 9110 §13.1.2).
         * @example "1.3"
         */
        IfNoneMatch: string;
        /**
         * @description A unique key (UUID v4) that makes a retried write take effect once. json-server ignores it.
         * @example 5b7c1c1e-8f1d-4d8e-9a4b-2f0b1d3c4e5f
         */
        IdempotencyKey: string;
    };
    requestBodies: never;
    headers: {
        /**
         * @description The version of the returned resource (RFC 9110 §8.8.3). Send it back in `If-Match` to write only if nobody changed the resource since, or in `If-None-Match` to get `304 Not Modified` while it is unchanged. Servers without versioning leave it out.
         * @example "1.3"
         */
        ETag: string;
        /**
         * @description The total number of records matching the query (json-server sends it when `_page`, `_limit` or `_end` is given).
         * @example 10
         */
        "X-Total-Count": number;
        /**
         * @description RFC 8288 links to the first, previous, next and last pages. json-server sends absolute URLs of its own host (a proxy in front does not rewrite them) and an empty value when one page holds every result.
         * @example <http://127.0.0.1:4010/users?_page=2&_limit=10>; rel="next"
         */
        Link: string;
        /**
         * @description The server's id of this request, for support.
         * @example req-7f3a
         */
        "X-Request-Id": string;
        /**
         * @description Seconds (or an HTTP-date) after which to try again.
         * @example 2
         */
        "Retry-After": string;
        /**
         * @description Requests allowed in the current window.
         * @example 100
         */
        "RateLimit-Limit": number;
        /**
         * @description Requests left in the current window.
         * @example 0
         */
        "RateLimit-Remaining": number;
        /**
         * @description Seconds until the window resets.
         * @example 2
         */
        "RateLimit-Reset": number;
    };
    pathItems: never;
}
export type $defs = Record<string, never>;
export interface operations {
    listUsers: {
        parameters: {
            query?: {
                /**
                 * @description Page number, starting at 1.
                 * @example 1
                 */
                _page?: number;
                /**
                 * @description Page size. json-server enforces no maximum, and without `_page` it slices from `_start` and sends no `Link` header; the SDK always sends both.
                 * @example 10
                 */
                _limit?: number;
                /**
                 * @description Field to sort by.
                 * @example name
                 */
                _sort?: "id" | "name" | "username" | "email";
                /**
                 * @description Sort order.
                 * @example asc
                 */
                _order?: "asc" | "desc";
                /**
                 * @description Full-text search over all fields.
                 * @example Leanne
                 */
                q?: string;
                /**
                 * @description Exact match on username.
                 * @example Bret
                 */
                username?: string;
                /**
                 * @description Exact match on email.
                 * @example Sincere@april.biz
                 */
                email?: string;
            };
            header?: {
                /**
                 * @description Answer `304 Not Modified` with no body if the resource (or page) is still at one of these versions (RFC 9110 §13.1.2).
                 * @example "1.3"
                 */
                "If-None-Match"?: components["parameters"]["IfNoneMatch"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of users. */
            200: {
                headers: {
                    "X-Total-Count": components["headers"]["X-Total-Count"];
                    Link: components["headers"]["Link"];
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["User"][];
                };
            };
            304: components["responses"]["NotModified"];
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            422: components["responses"]["UnprocessableEntity"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalServerError"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    createUser: {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description A unique key (UUID v4) that makes a retried write take effect once. json-server ignores it.
                 * @example 5b7c1c1e-8f1d-4d8e-9a4b-2f0b1d3c4e5f
                 */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["NewUser"];
            };
        };
        responses: {
            /** @description The created user. */
            201: {
                headers: {
                    ETag: components["headers"]["ETag"];
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["User"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            409: components["responses"]["Conflict"];
            422: components["responses"]["UnprocessableEntity"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalServerError"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    getUser: {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description Answer `304 Not Modified` with no body if the resource (or page) is still at one of these versions (RFC 9110 §13.1.2).
                 * @example "1.3"
                 */
                "If-None-Match"?: components["parameters"]["IfNoneMatch"];
            };
            path: {
                /**
                 * @description The user's id.
                 * @example 1
                 */
                id: components["parameters"]["UserId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The user. */
            200: {
                headers: {
                    ETag: components["headers"]["ETag"];
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["User"];
                };
            };
            304: components["responses"]["NotModified"];
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalServerError"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    replaceUser: {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description Write only if the resource is still at one of these versions (an `ETag` from an earlier response, or `*`); otherwise the server answers `412 Precondition Failed` and changes nothing (RFC 9110 §13.1.1). json-server ignores it; the conformance tests put a middleware in front that enforces it.
                 * @example "1.3"
                 */
                "If-Match"?: components["parameters"]["IfMatch"];
            };
            path: {
                /**
                 * @description The user's id.
                 * @example 1
                 */
                id: components["parameters"]["UserId"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["UserReplace"];
            };
        };
        responses: {
            /** @description The replaced user. */
            200: {
                headers: {
                    ETag: components["headers"]["ETag"];
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["User"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            412: components["responses"]["PreconditionFailed"];
            422: components["responses"]["UnprocessableEntity"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalServerError"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    deleteUser: {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description Write only if the resource is still at one of these versions (an `ETag` from an earlier response, or `*`); otherwise the server answers `412 Precondition Failed` and changes nothing (RFC 9110 §13.1.1). json-server ignores it; the conformance tests put a middleware in front that enforces it.
                 * @example "1.3"
                 */
                "If-Match"?: components["parameters"]["IfMatch"];
            };
            path: {
                /**
                 * @description The user's id.
                 * @example 1
                 */
                id: components["parameters"]["UserId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Deleted (json-server answers with an empty object). */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Empty"];
                };
            };
            /** @description Deleted. */
            204: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content?: never;
            };
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            412: components["responses"]["PreconditionFailed"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalServerError"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    updateUser: {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description Write only if the resource is still at one of these versions (an `ETag` from an earlier response, or `*`); otherwise the server answers `412 Precondition Failed` and changes nothing (RFC 9110 §13.1.1). json-server ignores it; the conformance tests put a middleware in front that enforces it.
                 * @example "1.3"
                 */
                "If-Match"?: components["parameters"]["IfMatch"];
                /**
                 * @description A unique key (UUID v4) that makes a retried write take effect once. json-server ignores it.
                 * @example 5b7c1c1e-8f1d-4d8e-9a4b-2f0b1d3c4e5f
                 */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
            };
            path: {
                /**
                 * @description The user's id.
                 * @example 1
                 */
                id: components["parameters"]["UserId"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["UserPatch"];
            };
        };
        responses: {
            /** @description The updated user. */
            200: {
                headers: {
                    ETag: components["headers"]["ETag"];
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["User"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            412: components["responses"]["PreconditionFailed"];
            422: components["responses"]["UnprocessableEntity"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalServerError"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    listGroups: {
        parameters: {
            query?: {
                /**
                 * @description Page number, starting at 1.
                 * @example 1
                 */
                _page?: components["parameters"]["Page"];
                /**
                 * @description Page size. json-server enforces no maximum, and without `_page` it slices from `_start` and sends no `Link` header; the SDK always sends both.
                 * @example 10
                 */
                _limit?: components["parameters"]["Limit"];
                /**
                 * @description Field to sort by.
                 * @example name
                 */
                _sort?: "id" | "name";
                /**
                 * @description Sort order.
                 * @example asc
                 */
                _order?: components["parameters"]["Order"];
                /**
                 * @description Full-text search over all fields.
                 * @example admins
                 */
                q?: string;
                /**
                 * @description Exact match on name.
                 * @example Administrators
                 */
                name?: string;
            };
            header?: {
                /**
                 * @description Answer `304 Not Modified` with no body if the resource (or page) is still at one of these versions (RFC 9110 §13.1.2).
                 * @example "1.3"
                 */
                "If-None-Match"?: components["parameters"]["IfNoneMatch"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of groups. */
            200: {
                headers: {
                    "X-Total-Count": components["headers"]["X-Total-Count"];
                    Link: components["headers"]["Link"];
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Group"][];
                };
            };
            304: components["responses"]["NotModified"];
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            422: components["responses"]["UnprocessableEntity"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalServerError"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    createGroup: {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description A unique key (UUID v4) that makes a retried write take effect once. json-server ignores it.
                 * @example 5b7c1c1e-8f1d-4d8e-9a4b-2f0b1d3c4e5f
                 */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["NewGroup"];
            };
        };
        responses: {
            /** @description The created group. */
            201: {
                headers: {
                    ETag: components["headers"]["ETag"];
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Group"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            409: components["responses"]["Conflict"];
            422: components["responses"]["UnprocessableEntity"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalServerError"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    getGroup: {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description Answer `304 Not Modified` with no body if the resource (or page) is still at one of these versions (RFC 9110 §13.1.2).
                 * @example "1.3"
                 */
                "If-None-Match"?: components["parameters"]["IfNoneMatch"];
            };
            path: {
                /**
                 * @description The group's id.
                 * @example 1
                 */
                id: components["parameters"]["GroupId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The group. */
            200: {
                headers: {
                    ETag: components["headers"]["ETag"];
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Group"];
                };
            };
            304: components["responses"]["NotModified"];
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalServerError"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    deleteGroup: {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description Write only if the resource is still at one of these versions (an `ETag` from an earlier response, or `*`); otherwise the server answers `412 Precondition Failed` and changes nothing (RFC 9110 §13.1.1). json-server ignores it; the conformance tests put a middleware in front that enforces it.
                 * @example "1.3"
                 */
                "If-Match"?: components["parameters"]["IfMatch"];
            };
            path: {
                /**
                 * @description The group's id.
                 * @example 1
                 */
                id: components["parameters"]["GroupId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Deleted (json-server answers with an empty object). */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Empty"];
                };
            };
            /** @description Deleted. */
            204: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content?: never;
            };
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            412: components["responses"]["PreconditionFailed"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalServerError"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    updateGroup: {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description Write only if the resource is still at one of these versions (an `ETag` from an earlier response, or `*`); otherwise the server answers `412 Precondition Failed` and changes nothing (RFC 9110 §13.1.1). json-server ignores it; the conformance tests put a middleware in front that enforces it.
                 * @example "1.3"
                 */
                "If-Match"?: components["parameters"]["IfMatch"];
                /**
                 * @description A unique key (UUID v4) that makes a retried write take effect once. json-server ignores it.
                 * @example 5b7c1c1e-8f1d-4d8e-9a4b-2f0b1d3c4e5f
                 */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
            };
            path: {
                /**
                 * @description The group's id.
                 * @example 1
                 */
                id: components["parameters"]["GroupId"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["GroupPatch"];
            };
        };
        responses: {
            /** @description The updated group. */
            200: {
                headers: {
                    ETag: components["headers"]["ETag"];
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Group"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            412: components["responses"]["PreconditionFailed"];
            422: components["responses"]["UnprocessableEntity"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalServerError"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    listGroupMemberships: {
        parameters: {
            query?: {
                /**
                 * @description Page number, starting at 1.
                 * @example 1
                 */
                _page?: components["parameters"]["Page"];
                /**
                 * @description Page size. json-server enforces no maximum, and without `_page` it slices from `_start` and sends no `Link` header; the SDK always sends both.
                 * @example 10
                 */
                _limit?: components["parameters"]["Limit"];
                /**
                 * @description Exact match on role.
                 * @example admin
                 */
                role?: components["schemas"]["MembershipRole"];
                /**
                 * @description Exact match on the member's user id.
                 * @example 1
                 */
                userId?: number;
            };
            header?: {
                /**
                 * @description Answer `304 Not Modified` with no body if the resource (or page) is still at one of these versions (RFC 9110 §13.1.2).
                 * @example "1.3"
                 */
                "If-None-Match"?: components["parameters"]["IfNoneMatch"];
            };
            path: {
                /**
                 * @description The group's id.
                 * @example 1
                 */
                id: components["parameters"]["GroupId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of the group's memberships. */
            200: {
                headers: {
                    "X-Total-Count": components["headers"]["X-Total-Count"];
                    Link: components["headers"]["Link"];
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Membership"][];
                };
            };
            304: components["responses"]["NotModified"];
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            422: components["responses"]["UnprocessableEntity"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalServerError"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    addGroupMembership: {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description A unique key (UUID v4) that makes a retried write take effect once. json-server ignores it.
                 * @example 5b7c1c1e-8f1d-4d8e-9a4b-2f0b1d3c4e5f
                 */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
            };
            path: {
                /**
                 * @description The group's id.
                 * @example 1
                 */
                id: components["parameters"]["GroupId"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["NewMembership"];
            };
        };
        responses: {
            /** @description The created membership. */
            201: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Membership"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            422: components["responses"]["UnprocessableEntity"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalServerError"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    removeGroupMembership: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description The membership's id.
                 * @example 1
                 */
                id: components["parameters"]["MembershipId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Removed (json-server answers with an empty object). */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Empty"];
                };
            };
            /** @description Removed. */
            204: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content?: never;
            };
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalServerError"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
}
