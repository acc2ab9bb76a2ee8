// Starts the app against the API given as `?api=<url>` (with `&token=<bearer token>`), or, without
// one, against the in-browser mock of user-management-sdk/testing (loaded only then).
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { UserManagementClient } from 'user-management-sdk';
import { createQueries } from 'user-management-sdk/tanstack-query';
import { App } from './App.js';

async function createClient(search: URLSearchParams): Promise<UserManagementClient> {
  const baseUrl = search.get('api');
  if (baseUrl) return new UserManagementClient({ baseUrl, token: search.get('token') ?? 'demo-token' });
  const { createMockApi } = await import('user-management-sdk/testing');
  const users = Array.from({ length: 12 }, (_, i) => ({
    id: i + 1,
    name: `User ${String(i + 1)}`,
    username: `user${String(i + 1)}`,
    email: `user${String(i + 1)}@example.com`,
  }));
  const mock = createMockApi({ data: { users } });
  return new UserManagementClient({ baseUrl: mock.baseUrl, fetch: mock.fetch });
}

const client = await createClient(new URLSearchParams(window.location.search));
const queryClient = new QueryClient();
const api = createQueries(client, queryClient);
const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root');
createRoot(root).render(
  <StrictMode>
    <QueryClientProvider client={queryClient}>
      <App api={api} />
    </QueryClientProvider>
  </StrictMode>,
);
