// A paged list of users with infinite scrolling (the next page loads when the end of the list scrolls into
// view; a "Load more" button stays as the keyboard and assistive-technology fallback), a detail view and an
// edit form, all through the generated bindings: no query key, fetcher or invalidation is written here.
import { useInfiniteQuery, useMutation, useQuery } from '@tanstack/react-query';
import { useCallback, useEffect, useState, type SyntheticEvent } from 'react';
import type { Queries } from 'user-management-sdk/tanstack-query';

/**
 * Calls `load` when `target` scrolls into view inside the scrolling `root`, while `enabled`. Hand-written
 * (a dozen lines of the platform's IntersectionObserver) so that the example needs nothing beyond React and
 * TanStack Query. The observer is made anew whenever `enabled` turns on — after each page has rendered —
 * and reports the end's position in that layout: a page too short to push the end out of view loads the
 * next one, and a page that does push it out waits for the reader to scroll.
 */
function useLoadOnScroll(
  target: Element | null,
  root: Element | null,
  enabled: boolean,
  load: () => void,
): void {
  useEffect(() => {
    if (!target || !enabled) return undefined;
    const observer = new IntersectionObserver(
      (entries) => {
        if (entries.some((entry) => entry.isIntersecting)) load();
      },
      // Start loading a little before the end shows, so scrolling rarely waits.
      { root, rootMargin: '0px 0px 40px 0px' },
    );
    observer.observe(target);
    return () => {
      observer.disconnect();
    };
  }, [target, root, enabled, load]);
}

export function App({ api }: { api: Queries }) {
  const [selected, setSelected] = useState<number | undefined>(undefined);
  return (
    <main>
      <h1>Users</h1>
      <UserList api={api} onSelect={setSelected} />
      {selected !== undefined && <UserDetail key={selected} api={api} id={selected} />}
    </main>
  );
}

function UserList({ api, onSelect }: { api: Queries; onSelect: (id: number) => void }) {
  const list = useInfiniteQuery(api.users.list.infiniteQueryOptions({ limit: 5 }));
  const { hasNextPage, isFetchingNextPage, fetchNextPage } = list;
  // Callback refs (elements in state): the list first renders "Loading…", and the observer must start
  // when the elements appear, not when the component mounts.
  const [scroller, setScroller] = useState<HTMLDivElement | null>(null);
  const [sentinel, setSentinel] = useState<HTMLDivElement | null>(null);
  const loadMore = useCallback(() => void fetchNextPage(), [fetchNextPage]);
  useLoadOnScroll(sentinel, scroller, hasNextPage && !isFetchingNextPage, loadMore);

  if (list.isPending) return <p>Loading…</p>;
  if (list.isError) return <p role="alert">{list.error.message}</p>;
  return (
    <section aria-label="users">
      {/* The list scrolls in its own box (a fixed height, rows of a fixed height), so a page of rows
          overflows it and the next page waits until the reader scrolls. */}
      <div ref={setScroller} data-testid="user-list" style={{ height: 240, overflowY: 'auto' }}>
        <ul style={{ margin: 0, padding: 0, listStyle: 'none' }}>
          {list.data.pages.flatMap((page) =>
            page.data.map((user) => (
              <li key={user.id} data-testid="user-row" data-id={user.id} style={{ height: 64 }}>
                <button
                  type="button"
                  onClick={() => {
                    onSelect(user.id);
                  }}
                >
                  {user.name}
                </button>
              </li>
            )),
          )}
        </ul>
        <div ref={setSentinel} data-testid="list-end">
          {hasNextPage ? (
            <button type="button" disabled={isFetchingNextPage} onClick={loadMore}>
              {isFetchingNextPage ? 'Loading more…' : 'Load more'}
            </button>
          ) : (
            <p data-testid="end">All users shown</p>
          )}
        </div>
      </div>
    </section>
  );
}

function UserDetail({ api, id }: { api: Queries; id: number }) {
  const user = useQuery(api.users.get.queryOptions(id));
  const save = useMutation(api.users.update.mutationOptions());
  const [name, setName] = useState('');
  // The field follows the name on the server, not every refetch of the same user (a refetch is a new
  // object each time: the object carries its version for conditional writes).
  const savedName = user.data?.name;
  useEffect(() => {
    if (savedName !== undefined) setName(savedName);
  }, [savedName]);

  if (user.isPending) return <p>Loading user…</p>;
  if (user.isError) return <p role="alert">{user.error.message}</p>;
  const submit = (event: SyntheticEvent<HTMLFormElement>) => {
    event.preventDefault();
    save.mutate({ id, body: { name } });
  };
  return (
    <section aria-label="user">
      <h2 data-testid="detail-name">{user.data.name}</h2>
      <p data-testid="detail-email">{user.data.email}</p>
      <form onSubmit={submit}>
        <label>
          Name{' '}
          <input
            value={name}
            onChange={(e) => {
              setName(e.target.value);
            }}
          />
        </label>
        <button type="submit" disabled={save.isPending}>
          {save.isPending ? 'Saving…' : 'Save'}
        </button>
        {save.isSuccess && <span data-testid="saved">Saved</span>}
        {save.isError && <span role="alert">{save.error.message}</span>}
      </form>
    </section>
  );
}
