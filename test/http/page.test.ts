import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { hasNextPage, pageFromLink, parseLinkHeader, parseTotalCount } from '../../src/http/page.js';

describe('parseLinkHeader', () => {
  // Examples from RFC 8288 §3.5.
  it('parses a single link with a quoted rel and a title', () => {
    expect(
      parseLinkHeader('<http://example.com/TheBook/chapter2>; rel="previous"; title="previous chapter"'),
    ).toEqual({
      previous: 'http://example.com/TheBook/chapter2',
    });
  });

  it('takes an extension relation type that is a URI', () => {
    expect(parseLinkHeader('</>; rel="http://example.net/foo"')).toEqual({ 'http://example.net/foo': '/' });
  });

  it('ignores an anchor parameter beside rel', () => {
    expect(parseLinkHeader('</terms>; rel="copyright"; anchor="#foo"')).toEqual({ copyright: '/terms' });
  });

  it('parses two links with extended (title*) parameters', () => {
    const header =
      '</TheBook/chapter2>; rel="previous"; title*=UTF-8\'de\'letztes%20Kapitel, ' +
      '</TheBook/chapter4>; rel="next"; title*=UTF-8\'de\'n%c3%a4chstes%20Kapitel';

    expect(parseLinkHeader(header)).toEqual({ previous: '/TheBook/chapter2', next: '/TheBook/chapter4' });
  });

  it('gives every relation type of a space-separated rel the same URL', () => {
    expect(parseLinkHeader('<http://example.org/>; rel="start http://example.net/relation/other"')).toEqual({
      start: 'http://example.org/',
      'http://example.net/relation/other': 'http://example.org/',
    });
  });

  it('parses unquoted rels', () => {
    expect(
      parseLinkHeader(
        '<https://api.example.com/users?_page=2>; rel=next, <https://api.example.com/users?_page=9>; rel=last',
      ),
    ).toEqual({
      next: 'https://api.example.com/users?_page=2',
      last: 'https://api.example.com/users?_page=9',
    });
  });

  it('parses the four json-server page links', () => {
    const u = (p: number): string => `http://127.0.0.1:4010/users?_page=${p}&_limit=10`;
    const header = `<${u(1)}>; rel="first", <${u(1)}>; rel="prev", <${u(3)}>; rel="next", <${u(5)}>; rel="last"`;

    expect(parseLinkHeader(header)).toEqual({ first: u(1), prev: u(1), next: u(3), last: u(5) });
  });

  it('keeps commas and semicolons inside a URL', () => {
    expect(
      parseLinkHeader('<https://x.test/a,b;c?ids=1,2,3>; rel="next",<https://x.test/z>;rel="last"'),
    ).toEqual({
      next: 'https://x.test/a,b;c?ids=1,2,3',
      last: 'https://x.test/z',
    });
  });

  it('reads rel names case-insensitively, as lower case', () => {
    expect(parseLinkHeader('<a>; REL="Next"')).toEqual({ next: 'a' });
  });

  it('keeps the first link of a relation when it appears twice', () => {
    expect(parseLinkHeader('<a>; rel=next, <b>; rel=next')).toEqual({ next: 'a' });
  });

  it('takes the first rel parameter of a link and ignores later ones (RFC 8288 §3.3)', () => {
    expect(parseLinkHeader('<a>; rel=next; rel=last')).toEqual({ next: 'a' });
  });

  it('does not mistake "rel=" inside a quoted parameter value for the rel parameter', () => {
    expect(parseLinkHeader('<a>; title="see; rel=prev"; rel="next"')).toEqual({ next: 'a' });
  });

  it('tolerates whitespace around separators', () => {
    expect(parseLinkHeader('  <a>  ;  rel = "next"  ,   <b> ; rel = last ')).toEqual({
      next: 'a',
      last: 'b',
    });
  });

  it('skips a link without rel and keeps the others', () => {
    expect(parseLinkHeader('<a>; title="no rel", <b>; rel=next')).toEqual({ next: 'b' });
  });

  it.each([
    null,
    undefined,
    '',
    'garbage',
    'rel="next"',
    'https://x.test/; rel=next',
    '<a; rel=next',
    ';;;,,,',
    '<>',
    '<a>; rel=""',
  ])('returns {} for %j', (input) => {
    expect(parseLinkHeader(input)).toEqual({});
  });

  it('never throws and returns only string values for arbitrary input', () => {
    const linkish = fc.string({
      unit: fc.constantFrom('<', '>', ';', ',', '=', '"', ' ', 'rel', 'next', 'a', '/', '\t'),
    });
    fc.assert(
      fc.property(fc.oneof(fc.string({ unit: 'binary' }), linkish), (input) => {
        const links = parseLinkHeader(input);
        expect(Object.getPrototypeOf(links)).toBe(Object.prototype);
        for (const [rel, url] of Object.entries(links)) {
          expect(rel).toBe(rel.toLowerCase());
          expect(typeof url).toBe('string');
        }
      }),
      { numRuns: 500 },
    );
  });

  it('recovers every rel → URL of a generated well-formed header', () => {
    const relName = fc.stringMatching(/^[a-z][a-z0-9.-]{0,8}$/);
    const url = fc.webUrl({ withQueryParameters: true, withFragments: true });
    const param = fc.oneof(
      fc.constant('type="text/html"'),
      fc.constant('hreflang=en'),
      fc.constant('title="decoy; rel=prev, <https://x.test/decoy>"'),
      fc.stringMatching(/^[A-Za-z ,;=<>]{0,12}$/).map((t) => `title="${t}"`),
    );
    const link = fc.record({
      url,
      quoted: fc.boolean(),
      upper: fc.boolean(),
      before: fc.array(param, { maxLength: 2 }),
      after: fc.array(param, { maxLength: 2 }),
      space: fc.constantFrom('', ' ', '  '),
    });
    const header = fc.uniqueArray(fc.tuple(relName, link), {
      minLength: 1,
      maxLength: 6,
      selector: ([rel]) => rel,
    });

    fc.assert(
      fc.property(header, (links) => {
        const text = links
          .map(([rel, l]) => {
            const name = l.upper ? rel.toUpperCase() : rel;
            const relParam = l.quoted ? `rel="${name}"` : `rel=${name}`;
            return [`<${l.url}>`, ...l.before, relParam, ...l.after].join(`;${l.space}`);
          })
          .join(`,${links[0]![1].space}`);

        expect(parseLinkHeader(text)).toEqual(Object.fromEntries(links.map(([rel, l]) => [rel, l.url])));
      }),
      { numRuns: 300 },
    );
  });
});

describe('parseTotalCount', () => {
  it.each([
    ['42', 42],
    ['0', 0],
    [' 7 ', 7],
    ['9007199254740991', Number.MAX_SAFE_INTEGER],
  ])('reads %j as %i', (header, count) => {
    expect(parseTotalCount(header)).toBe(count);
  });

  it.each([null, undefined, '', ' ', '-1', '1.5', '1e3', '0x10', 'ten', '12abc', '9007199254740993'])(
    'returns undefined for %j',
    (header) => {
      expect(parseTotalCount(header)).toBeUndefined();
    },
  );
});

describe('pageFromLink', () => {
  it.each([
    ['https://api.example.com/users?_page=3&_limit=10', 3],
    ['https://api.example.com/users?_limit=10&_page=12', 12],
    ['/users?_page=2', 2],
  ])('reads the _page of %s', (url, page) => {
    expect(pageFromLink(url)).toBe(page);
  });

  it.each([
    undefined,
    '',
    'https://api.example.com/users?page=3',
    'https://api.example.com/users?x_page=3',
    'https://api.example.com/users?_page=abc',
  ])('returns undefined for %j', (url) => {
    expect(pageFromLink(url)).toBeUndefined();
  });
});

describe('hasNextPage', () => {
  const next = { next: 'https://api.example.com/users?_page=3' };

  it('calls a short page the last, even when the server advertises next', () => {
    expect(hasNextPage(next, true, 100, 2, 10, 9)).toBe(false);
    expect(hasNextPage({}, false, undefined, 1, 10, 0)).toBe(false);
  });

  it('follows Link on a full page: next present means another page', () => {
    expect(hasNextPage(next, true, undefined, 2, 10, 10)).toBe(true);
  });

  it('follows Link on a full page: a Link without next means the last page, whatever X-Total-Count says', () => {
    expect(hasNextPage({ prev: 'x', last: 'y' }, true, 100, 2, 10, 10)).toBe(false);
  });

  it('falls back to X-Total-Count without a Link header', () => {
    expect(hasNextPage({}, false, 25, 2, 10, 10)).toBe(true);
    expect(hasNextPage({}, false, 20, 2, 10, 10)).toBe(false);
    expect(hasNextPage({}, false, 19, 2, 10, 10)).toBe(false);
  });

  it('assumes another page after a full page when the server says nothing', () => {
    expect(hasNextPage({}, false, undefined, 1, 10, 10)).toBe(true);
  });
});
