// TEMP re-export: the claims live in src/store/claims.ts; the effects branch's webhook worker still imports this path.
export { claimLock, releaseLock, pruneLocks, lockCollection } from '../store/claims';
