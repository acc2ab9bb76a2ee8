// A paged list of users (infinite scrolling by a "Load more" button), a detail view and an edit form, all through the
// generated bindings: no query key, fetcher or invalidation is written here.
import { useInfiniteQuery, useMutation, useQuery } from '@tanstack/react-query';
import { useEffect, useState, type SyntheticEvent } from 'react';
import type { Queries } from 'user-management-sdk/tanstack-query';

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

  if (list.isPending) return <p>Loading…</p>;
  if (list.isError) return <p role="alert">{list.error.message}</p>;
  return (
    <section aria-label="users">
      <ul>
        {list.data.pages.flatMap((page) =>
          page.data.map((user) => (
            <li key={user.id} data-testid="user-row" data-id={user.id}>
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
      {hasNextPage ? (
        <button type="button" disabled={isFetchingNextPage} onClick={() => void fetchNextPage()}>
          {isFetchingNextPage ? 'Loading more…' : 'Load more'}
        </button>
      ) : (
        <p data-testid="end">All users shown</p>
      )}
    </section>
  );
}

function UserDetail({ api, id }: { api: Queries; id: number }) {
  const user = useQuery(api.users.get.queryOptions(id));
  const save = useMutation(api.users.update.mutationOptions());
  const [name, setName] = useState('');
  useEffect(() => {
    if (user.data) setName(user.data.name);
  }, [user.data]);

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
