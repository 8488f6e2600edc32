/** Polls `check` every `everyMs` until it returns a truthy value; fails after `timeoutMs`. */
export async function waitUntil<T>(check: () => Promise<T> | T, opts: { timeoutMs?: number; everyMs?: number; what?: string } = {}): Promise<NonNullable<T>> {
  const deadline = Date.now() + (opts.timeoutMs ?? 5000);
  let last: T | undefined;
  while (Date.now() < deadline) {
    last = await check();
    if (last) return last as NonNullable<T>;
    await new Promise((resolve) => setTimeout(resolve, opts.everyMs ?? 20));
  }
  throw new Error(`timed out waiting for ${opts.what ?? 'a condition'}; last value: ${JSON.stringify(last)}`);
}
