// Answers in the shapes the spec declares: JSON records, and RFC 9457 problem details
// (`application/problem+json`, `errors: [{ field, message }]` for validation failures).
import { HttpResponse } from 'msw';

const TITLES: Readonly<Record<number, string>> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  408: 'Request Timeout',
  409: 'Conflict',
  412: 'Precondition Failed',
  422: 'Unprocessable Entity',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
  502: 'Bad Gateway',
  503: 'Service Unavailable',
  504: 'Gateway Timeout',
};

/** A problem-details answer. */
export function problem(
  status: number,
  detail: string,
  headers: Record<string, string>,
  errors?: readonly { field: string; message: string }[],
): Response {
  const body = {
    type: 'about:blank',
    title: TITLES[status] ?? (status >= 500 ? 'Server Error' : 'Client Error'),
    status,
    detail,
    ...(errors && errors.length > 0 ? { errors } : {}),
  };
  return HttpResponse.json(body, {
    status,
    headers: { ...headers, 'Content-Type': 'application/problem+json' },
  });
}

/** A JSON answer, or an empty one when `body` is undefined (a 204, or a response the spec gives no body). */
export function json(status: number, body: unknown, headers: Record<string, string>): Response {
  if (body === undefined || status === 204) return new HttpResponse(null, { status, headers });
  return HttpResponse.json(body, { status, headers });
}
