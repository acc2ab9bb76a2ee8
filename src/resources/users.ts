// The users facade: a few lines per operation. Policy lives in the pipeline, paths in the spec.
import type { RequestOptions } from '../config.js';
import type { NewUser, SortOrder, User, UserPatch, UserReplace, UserSortField } from '../http/api-types.js';
import type { Core } from '../http/core.js';
import { InvalidArgumentError } from '../errors.js';
import { checkOptionsObject } from '../options/check-shape.js';
import { REQUEST_OPTION_KEYS } from '../options/known-options.js';
import { checkMaxPages, iteratePages } from './iterate-pages.js';
import { hasNextPage, pageFromLink, parseLinkHeader, parseTotalCount } from './pagination.js';

/** Filters, sorting and paging for {@link Users.list}. */
export interface ListUsersParams {
  /** Page number, from 1. @default 1 */
  page?: number | undefined;
  /** Page size, 1–100. @default 10 */
  limit?: number | undefined;
  /** Field to sort by. */
  sort?: UserSortField | undefined;
  /** Sort order. @default 'asc' (server default) */
  order?: SortOrder | undefined;
  /** Full-text search over all fields. */
  q?: string | undefined;
  /** Exact username. */
  username?: string | undefined;
  /** Exact email. */
  email?: string | undefined;
}

/** One page of users. */
export interface UserPage {
  /** The users on this page. */
  data: User[];
  /** Users matching the query in all pages (from `X-Total-Count`), when the server says. */
  total?: number;
  /** This page's number. */
  page: number;
  /** The page size asked for. */
  limit: number;
  /** Whether another page follows (from `Link`, else `X-Total-Count`, else a full page). */
  hasNextPage: boolean;
}

/** Options of {@link Users.listAll}: the call's options, plus a bound on the pages read. */
export interface ListAllOptions extends RequestOptions {
  /**
   * Most pages the iteration reads; it ends quietly after that many, as it does when a page repeats
   * an earlier one. Keeps a server that always answers a full page with `rel="next"` from making the
   * loop endless. @default 10000
   */
  maxPages?: number | undefined;
}

const LIST_PARAM_KEYS: readonly string[] = ['page', 'limit', 'sort', 'order', 'q', 'username', 'email'];
const LIST_ALL_OPTION_KEYS: readonly string[] = [...REQUEST_OPTION_KEYS, 'maxPages'];

/** Default page size of {@link Users.list}. */
export const DEFAULT_PAGE_SIZE = 10;

/** Operations on `/users`, as `client.users`. */
export class Users {
  readonly #core: Core;

  /** @internal Created by UserManagementClient. */
  constructor(core: Core) {
    this.#core = core;
  }

  /** Lists one page of users (`GET /users`). */
  async list(params: ListUsersParams = {}, options?: RequestOptions): Promise<UserPage> {
    return (await this.fetchPage(params, options)).result;
  }

  /**
   * Iterates over every user matching the query, page by page; `break` stops cleanly. Ends when a
   * page repeats an earlier one or after `maxPages` pages, and checks `signal` before every user.
   */
  async *listAll(
    params: ListUsersParams = {},
    options?: ListAllOptions,
  ): AsyncGenerator<User, void, undefined> {
    if (options !== undefined)
      checkOptionsObject(options, 'listAll options', LIST_ALL_OPTION_KEYS, InvalidArgumentError);
    checkOptionsObject(params, 'listAll params', LIST_PARAM_KEYS, InvalidArgumentError);
    const { maxPages, ...requestOptions } = options ?? {};
    yield* iteratePages<User>(
      params.page ?? 1,
      checkMaxPages(maxPages),
      requestOptions.signal,
      'GET /users (listAll)',
      async (page) => {
        const call = options === undefined ? undefined : requestOptions;
        const { result, nextPage } = await this.fetchPage({ ...params, page }, call);
        return { items: result.data, hasNext: result.hasNextPage, nextPage };
      },
    );
  }

  private async fetchPage(
    params: ListUsersParams,
    options: RequestOptions | undefined,
  ): Promise<{ result: UserPage; nextPage: number | undefined }> {
    checkOptionsObject(params, 'list params', LIST_PARAM_KEYS, InvalidArgumentError);
    const page = params.page ?? 1;
    const limit = params.limit ?? DEFAULT_PAGE_SIZE;
    this.#core.checkInteger('page', page, 1);
    this.#core.checkInteger('limit', limit, 1, 100);
    const query: Record<string, string | number> = { _page: page, _limit: limit };
    if (params.sort !== undefined) query._sort = params.sort;
    if (params.order !== undefined) query._order = params.order;
    if (params.q !== undefined) query.q = params.q;
    if (params.username !== undefined) query.username = params.username;
    if (params.email !== undefined) query.email = params.email;
    const { data, response } = await this.#core.call('listUsers', { query }, undefined, options);
    const users = Array.isArray(data) ? (data as User[]) : [];
    const linkHeader = response.headers.get('link');
    const links = parseLinkHeader(linkHeader);
    const total = parseTotalCount(response.headers.get('x-total-count'));
    const result: UserPage = {
      data: users,
      ...(total !== undefined ? { total } : {}),
      page,
      limit,
      hasNextPage: hasNextPage(links, Boolean(linkHeader), total, page, limit, users.length),
    };
    return { result, nextPage: pageFromLink(links.next) };
  }

  /** Gets one user (`GET /users/{id}`); rejects with NotFoundError when there is none. */
  async get(id: number, options?: RequestOptions): Promise<User> {
    return (await this.#core.call('getUser', { path: { id: this.#core.userId(id) } }, undefined, options))
      .data as User;
  }

  /** Creates a user (`POST /users`); retried safely under one Idempotency-Key. */
  async create(user: NewUser, options?: RequestOptions): Promise<User> {
    return (await this.#core.call('createUser', {}, this.#core.body(user), options)).data as User;
  }

  /** Replaces every field of a user (`PUT /users/{id}`). */
  async replace(id: number, user: UserReplace, options?: RequestOptions): Promise<User> {
    return (
      await this.#core.call(
        'replaceUser',
        { path: { id: this.#core.userId(id) } },
        this.#core.body(user),
        options,
      )
    ).data as User;
  }

  /** Merges some fields into a user (`PATCH /users/{id}`); retried safely under one Idempotency-Key. */
  async update(id: number, patch: UserPatch, options?: RequestOptions): Promise<User> {
    return (
      await this.#core.call(
        'updateUser',
        { path: { id: this.#core.userId(id) } },
        this.#core.body(patch),
        options,
      )
    ).data as User;
  }

  /** Deletes a user (`DELETE /users/{id}`). */
  async delete(id: number, options?: RequestOptions): Promise<void> {
    await this.#core.call('deleteUser', { path: { id: this.#core.userId(id) } }, undefined, options);
  }
}
