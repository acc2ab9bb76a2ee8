// The groups resource (groups and their memberships) through the generated client against the real
// json-server behind Prism's validating proxy: paging, filters, the nested memberships route and writes.
// The tests share one database with the users tests; every write here is undone before it ends.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { NotFoundError, UnprocessableEntityError, type Group, type Membership } from '../../src/index.js';
import { recordingProxyClient } from './connect.js';
import { conform, conformAll } from './conform.js';

const read = (name: string): unknown =>
  JSON.parse(readFileSync(new URL(`./fixtures/${name}.json`, import.meta.url), 'utf8'));
const groups = read('groups') as Group[];
const memberships = read('memberships') as Membership[];

const connect = () => recordingProxyClient();

describe('groups: json-server behind Prism (proxy, --errors)', () => {
  it('lists groups a page at a time with X-Total-Count and Link', async () => {
    const { client } = connect();
    const first = await conform(client.groups.list({ limit: 3 }));
    expect(first).toEqual({ data: groups.slice(0, 3), total: 4, page: 1, limit: 3, hasNextPage: true });
    const last = await conform(client.groups.list({ page: 2, limit: 3 }));
    expect(last).toMatchObject({ data: groups.slice(3), hasNextPage: false });
  });

  it('walks every group with for await over list(), page by page', async () => {
    const { client, urls } = connect();
    const seen: Group[] = [];
    for await (const group of client.groups.list({ limit: 3 })) seen.push(group);
    expect(seen).toEqual(groups);
    expect(urls.map((u) => u.searchParams.get('_page'))).toEqual(['1', '2']);
    expect(await conformAll(client.groups.listAll({ limit: 2 }))).toEqual(groups);
  });

  it('sorts by name, searches with q and filters by exact name', async () => {
    const { client } = connect();
    const sorted = await conform(client.groups.list({ sort: 'name', order: 'desc' }));
    expect(sorted.data.map((g) => g.name)).toEqual(
      groups
        .map((g) => g.name)
        .sort()
        .reverse(),
    );
    const found = await conform(client.groups.list({ q: 'try things' }));
    expect(found.data.map((g) => g.id)).toEqual([4]);
    const named = await conform(client.groups.list({ name: 'Support' }));
    expect(named.data).toEqual([groups[2]]);
  });

  it('gets a group, and rejects a missing one with NotFoundError', async () => {
    const { client } = connect();
    expect(await conform(client.groups.get(1))).toEqual(groups[0]);
    await expect(conform(client.groups.get(999))).rejects.toBeInstanceOf(NotFoundError);
  });

  it('lists a group’s memberships through the nested route, filtered by role', async () => {
    const { client, urls } = connect();
    const page = await conform(client.groups.listMemberships(2));
    expect(page).toMatchObject({ total: 3, hasNextPage: false });
    expect(page.data).toEqual(memberships.filter((m) => m.groupId === 2));
    expect(urls[0]!.pathname).toBe('/groups/2/memberships');
    const admins = await conform(client.groups.listMemberships(2, { role: 'admin' }));
    expect(admins.data.map((m) => m.userId)).toEqual([3]);
  });

  it('creates → updates → adds and removes a member → deletes a group, after which get rejects', async () => {
    const { client } = connect();
    const created = await conform(client.groups.create({ name: 'Design' }));
    expect(created).toEqual({ id: 5, name: 'Design' });
    try {
      const updated = await conform(client.groups.update(created.id, { description: 'People who draw.' }));
      expect(updated).toEqual({ ...created, description: 'People who draw.' });

      const member = await conform(client.groups.addMembership(created.id, { userId: 7, role: 'admin' }));
      // The path's group id arrives as a number (json-server alone would store the string "5").
      expect(member).toEqual({ id: 7, groupId: created.id, userId: 7, role: 'admin' });
      const listed = await conform(client.groups.listMemberships(created.id));
      expect(listed.data).toEqual([member]);
      await expect(conform(client.groups.removeMembership(member.id))).resolves.toBeUndefined();
      expect((await conform(client.groups.listMemberships(created.id))).data).toEqual([]);
    } finally {
      await expect(conform(client.groups.delete(created.id))).resolves.toBeUndefined();
    }
    await expect(conform(client.groups.get(created.id))).rejects.toBeInstanceOf(NotFoundError);
    expect((await conform(client.groups.list())).total).toBe(4);
  });

  it('stops a membership with a role the spec does not have at the proxy, with UnprocessableEntityError', async () => {
    const { client } = connect();
    await expect(
      client.groups.addMembership(1, { userId: 9, role: 'owner' as 'admin' }),
    ).rejects.toBeInstanceOf(UnprocessableEntityError);
    expect((await conform(client.groups.listMemberships(1))).total).toBe(2);
  });
});
