import { describe, expect, it } from 'vitest';
import { ApiError, NotFoundError } from '../../src/index.js';
import { conform, conformAll, violationsOf } from './conform.js';

const violation = {
  location: ['response', 'body', '0', 'email'],
  severity: 'Error',
  code: 'format',
  message: 'Response body property 0.email must match format "email"',
};

const request = { method: 'GET', url: 'http://127.0.0.1:4010/users?_page=1', headers: {}, body: undefined };
const prismError = (init: { status: number; headers?: Record<string, string>; body?: unknown }) =>
  new ApiError({ ...request, ...init });

describe('conform()', () => {
  it('rethrows an error carrying sl-violations with each violation in the message', async () => {
    const err = prismError({ status: 500, headers: { 'sl-violations': JSON.stringify([violation]) } });
    await expect(conform(Promise.reject(err))).rejects.toThrow(
      'Spec and server disagree on GET /users (500):\n  response.body.0.email: Response body property 0.email must match format "email"',
    );
  });

  it("reads a request violation from Prism's 422 problem body", () => {
    const body = {
      type: 'https://stoplight.io/prism/errors#UNPROCESSABLE_ENTITY',
      validation: [{ ...violation, location: ['body', 'email'] }],
    };
    expect(violationsOf(prismError({ status: 422, body }))).toEqual([
      { ...violation, location: ['body', 'email'] },
    ]);
  });

  it('keeps an unparsable sl-violations header as the message', () => {
    expect(violationsOf(prismError({ status: 500, headers: { 'sl-violations': 'oops' } }))).toEqual([
      { message: 'oops' },
    ]);
  });

  it('passes other errors through unchanged, so NotFoundError stays a NotFoundError', async () => {
    const notFound = new NotFoundError({ ...request, status: 404, body: {} });
    await expect(conform(Promise.reject(notFound))).rejects.toBe(notFound);
  });

  it('collects an async iterable and converts a violation raised mid-way', async () => {
    async function* pages() {
      yield 1;
      yield 2;
      throw prismError({ status: 500, headers: { 'sl-violations': JSON.stringify([violation]) } });
    }
    await expect(conformAll(pages())).rejects.toThrow(/Spec and server disagree/);
    await expect(
      conformAll(
        (async function* () {
          yield* [1, 2, 3];
        })(),
      ),
    ).resolves.toEqual([1, 2, 3]);
  });
});
