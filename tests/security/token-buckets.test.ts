import { TokenBuckets } from '../../src/token-buckets';

describe('TokenBuckets', () => {
  const clock = () => {
    const c = { t: 1_000_000, now: () => c.t };
    return c;
  };

  it('when a key spends its burst, then the next take says how long to wait, and refill lets it through again', () => {
    const c = clock();
    const buckets = new TokenBuckets({ perSecond: 2, burst: 3 }, { now: c.now });
    expect([buckets.take('a'), buckets.take('a'), buckets.take('a')]).toEqual([0, 0, 0]);
    expect(buckets.take('a')).toBeCloseTo(0.5);
    c.t += 500;
    expect(buckets.take('a')).toBe(0);
    expect(buckets.take('a')).toBeGreaterThan(0);
  });

  it('when one key is exhausted, then other keys keep their own full burst', () => {
    const buckets = new TokenBuckets({ perSecond: 1, burst: 1 }, { now: clock().now });
    expect(buckets.take('flooder')).toBe(0);
    expect(buckets.take('flooder')).toBeGreaterThan(0);
    expect(buckets.take('someone-else')).toBe(0);
  });

  it('when the limit is 0 per second, then nothing is ever refused and nothing is stored', () => {
    const buckets = new TokenBuckets({ perSecond: 0, burst: 1 });
    for (let i = 0; i < 10; i++) expect(buckets.take('a')).toBe(0);
    expect(buckets.size).toBe(0);
  });

  it('when more keys than maxKeys arrive, then the map stays bounded and full buckets are dropped first', () => {
    const c = clock();
    const buckets = new TokenBuckets({ perSecond: 1, burst: 2 }, { now: c.now, maxKeys: 100 });
    buckets.take('hot');
    buckets.take('hot');
    for (let i = 0; i < 1000; i++) buckets.take(`k${i}`);
    expect(buckets.size).toBeLessThanOrEqual(100);
    c.t += 10_000; // every bucket refilled: a sweep may drop them all without changing any answer
    buckets.take('late');
    expect(buckets.size).toBeLessThanOrEqual(100);
  });

  it('when a full bucket was evicted, then the key behaves exactly as before (eviction loses nothing)', () => {
    const c = clock();
    const buckets = new TokenBuckets({ perSecond: 1, burst: 2 }, { now: c.now, maxKeys: 2 });
    buckets.take('a');
    c.t += 5_000;
    for (let i = 0; i < 5; i++) buckets.take(`k${i}`);
    expect([buckets.take('a'), buckets.take('a'), buckets.take('a') > 0]).toEqual([0, 0, true]);
  });
});
