/* global sessionStorage, fetch */
// Small fetch helpers for the Reported queue page; the token stays in sessionStorage.

/** @returns {{ token: string, site: string, queue: string }} */
export function loadSession() {
  return { token: sessionStorage.getItem('saring.token') ?? '', site: sessionStorage.getItem('saring.site') ?? '', queue: sessionStorage.getItem('saring.queue') ?? 'reported' };
}

export function saveSession(s) {
  sessionStorage.setItem('saring.token', s.token);
  sessionStorage.setItem('saring.site', s.site);
  sessionStorage.setItem('saring.queue', s.queue);
}

/** Calls the API with the bearer token; throws an Error with the API's message on failure. */
export async function api(session, path, init = {}) {
  const headers = { Authorization: `Bearer ${session.token}`, ...(init.body ? { 'Content-Type': 'application/json' } : {}), ...(init.headers ?? {}) };
  const res = await fetch(path, { ...init, headers });
  if (res.status === 204) return undefined;
  const body = await res.json().catch(() => ({}));
  if (!res.ok) throw new Error(body?.error?.message ?? `HTTP ${res.status}`);
  return body;
}

export const queuePath = (s) => `/v1/comments?queue=${encodeURIComponent(s.queue)}&sort=due&siteId=${encodeURIComponent(s.site)}&limit=100`;
export const reportsPath = (id) => `/v1/comments/${encodeURIComponent(id)}/reports`;
export const standingPath = (site, author) => `/v1/sites/${encodeURIComponent(site)}/authors/${encodeURIComponent(author)}`;
export const compliancePath = (site, from, to, csv = false) =>
  `/v1/reports/compliance?siteId=${encodeURIComponent(site)}&from=${from.toISOString()}&to=${to.toISOString()}${csv ? '&format=csv' : ''}`;
