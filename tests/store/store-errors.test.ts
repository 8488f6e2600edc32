import { isDuplicateKey, isStoreUnavailable } from '../../src/store/errors';

describe('which driver errors mean "the store is unavailable"', () => {
  const network = Object.assign(new Error('connection 12 to 127.0.0.1:1 closed'), { name: 'MongoNetworkError' });
  it.each([
    ['a network error', network],
    ['a server selection timeout', Object.assign(new Error('timed out'), { name: 'MongoServerSelectionError' })],
    // regression: a batched insertMany that loses its connection fails as a bulk write error wrapping it (was a 500)
    ['a bulk write error wrapping a network error', Object.assign(new Error(network.message), { name: 'MongoBulkWriteError', errorResponse: network, writeErrors: [] })],
    ['an error caused by a network error', Object.assign(new Error('wrapped'), { cause: network })],
    // regression (store-outage-load, 1 run in 4): the driver let a raw socket error through from a write after the store's FIN (was a 500)
    ['a raw EPIPE from a socket the store ended', Object.assign(new Error('This socket has been ended by the other party'), { code: 'EPIPE' })],
    ['a raw ECONNRESET', Object.assign(new Error('read ECONNRESET'), { code: 'ECONNRESET', syscall: 'read' })],
    ['a raw ECONNREFUSED', Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:1'), { code: 'ECONNREFUSED', syscall: 'connect' })],
  ])('when it is %s, then it is', (_name, err) => {
    expect(isStoreUnavailable(err)).toBe(true);
  });

  it.each([
    ['a duplicate key', Object.assign(new Error('E11000'), { name: 'MongoServerError', code: 11000 })],
    ['a bulk write error of duplicates', Object.assign(new Error('E11000'), { name: 'MongoBulkWriteError', code: 11000, writeErrors: [{ code: 11000 }] })],
    ['a plain bug', new TypeError('x is undefined')],
    ['nothing', undefined],
  ])('when it is %s, then it is not', (_name, err) => {
    expect(isStoreUnavailable(err)).toBe(false);
  });

  it('when the code is 11000, then it is a duplicate key', () => {
    expect(isDuplicateKey({ code: 11000 })).toBe(true);
    expect(isDuplicateKey({ code: 2 })).toBe(false);
  });
});
