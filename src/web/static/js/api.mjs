/* global fetch, sessionStorage, document, URL, setTimeout */
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

/**
 * Downloads a file the API serves only with the token (a plain link sends
 * none and got a 401): fetch it with the bearer header, then click a
 * temporary link to the blob.
 */
export async function download(path, filename) {
  const res = await api(path, { raw: true, headers: { Accept: 'text/csv' } });
  if (!res.ok) throw new ApiError(res.status, await res.json().catch(() => undefined));
  const url = URL.createObjectURL(await res.blob());
  const link = Object.assign(document.createElement('a'), { href: url, download: filename });
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
