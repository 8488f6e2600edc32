/** Socket error codes that mean the connection to the store is gone (the driver sometimes lets them through raw). */
const SOCKET_GONE = new Set(['EPIPE', 'ECONNRESET', 'ECONNREFUSED', 'ECONNABORTED', 'ENOTCONN', 'ETIMEDOUT', 'EHOSTUNREACH', 'ERR_SOCKET_CLOSED', 'ERR_STREAM_WRITE_AFTER_END']);

/** True for the driver errors that mean "the store is not reachable right now". */
export function isStoreUnavailable(err: unknown): boolean {
  if (!err || typeof err !== 'object') return false;
  const e = err as { name?: string; message?: string; cause?: unknown; errorResponse?: unknown; code?: unknown };
  const name = e.name ?? '';
  if (typeof e.code === 'string' && SOCKET_GONE.has(e.code)) return true;
  if (/^Mongo(ose)?(ServerSelection|Network|NetworkTimeout|NotConnected|TopologyClosed|PoolCleared|ServerClosed)Error$/.test(name)) return true;
  if (name === 'MongooseError' && /before initial connection|connection.*closed|buffering timed out|Client must be connected/i.test(e.message ?? '')) return true;
  if (name === 'MongoExpiredSessionError' || name === 'MongoRuntimeError') return /closed|connection/i.test(e.message ?? '');
  // a (batched) bulk write that lost its connection wraps the network error
  if (name === 'MongoBulkWriteError' && e.errorResponse instanceof Error) return isStoreUnavailable(e.errorResponse);
  return e.cause ? isStoreUnavailable(e.cause) : false;
}

/** True for a duplicate-key error (FerretDB gives only the code). */
export function isDuplicateKey(err: unknown): boolean {
  return !!err && typeof err === 'object' && (err as { code?: unknown }).code === 11000;
}
