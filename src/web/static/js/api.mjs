/* global fetch, sessionStorage */
const KEY = 'saring.token';

/** The signed-in token (this tab only). */
export function token() {
  return sessionStorage.getItem(KEY) ?? '';
}
export function setToken(value) {
  if (value) sessionStorage.setItem(KEY, value);
  else sessionStorage.removeItem(KEY);
}

/** An API error with the service's `{ error: { code, message, details } }`. */
export class ApiError extends Error {
  constructor(status, body) {
    super(body?.error?.message ?? `HTTP ${status}`);
    this.status = status;
    this.code = body?.error?.code;
    this.details = body?.error?.details ?? [];
  }
}

/** Calls the API with the bearer token; JSON in and out unless told otherwise. */
export async function api(path, { method = 'GET', body, headers = {}, raw = false } = {}) {
  const res = await fetch(path, {
    method,
    headers: { Authorization: `Bearer ${token()}`, Accept: 'application/json', ...(body !== undefined ? { 'Content-Type': 'application/json' } : {}), ...headers },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (raw) return res;
  const data = res.status === 204 ? undefined : await res.json().catch(() => undefined);
  if (!res.ok) throw new ApiError(res.status, data);
  return data;
}
