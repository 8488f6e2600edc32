import type { Request, RequestHandler } from 'express';
import type { Authenticator } from '../../auth/authenticate';
import type { Principal, Role } from '../../auth/principal';
import { AppError } from '../../errors';

declare module 'express-serve-static-core' {
  interface Request {
    principal?: Principal;
  }
}

/** The bearer token of a request, if any. */
export function bearerToken(header: string | undefined): string | undefined {
  const m = /^Bearer\s+(\S+)\s*$/i.exec(header ?? '');
  return m?.[1];
}

/** Authenticates the bearer token (401 when missing or unknown) and checks the role (403). */
export function requireRole(auth: Authenticator, ...roles: Role[]): RequestHandler {
  return async (req, _res, next) => {
    const token = bearerToken(req.headers.authorization);
    if (!token) return next(new AppError('unauthenticated'));
    // the per-principal rate limiter may already have authenticated this very request
    const principal = req.principal ?? (await auth.authenticate(token));
    if (!principal) return next(new AppError('unauthenticated', 'The bearer token is unknown or revoked.'));
    if (roles.length && !roles.includes(principal.role)) return next(new AppError('forbidden', `This needs the role ${roles.join(' or ')}.`));
    req.principal = principal;
    next();
  };
}

/** The authenticated principal of a request that passed `requireRole`. */
export function principalOf(req: Request): Principal {
  if (!req.principal) throw new AppError('unauthenticated');
  return req.principal;
}
