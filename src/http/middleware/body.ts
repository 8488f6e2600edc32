import express, { type RequestHandler } from 'express';
import { AppError } from '../../errors';

/**
 * JSON bodies only: a body-carrying request with another content type gets
 * 415, malformed JSON 400, an oversized body 413 (via the error handler).
 */
export function jsonBody(limit: string): RequestHandler[] {
  const requireJson: RequestHandler = (req, _res, next) => {
    const hasBody = req.headers['transfer-encoding'] !== undefined || Number(req.headers['content-length'] ?? 0) > 0;
    if (!['POST', 'PUT', 'PATCH'].includes(req.method) || !hasBody) return next();
    if (!req.is('application/json')) return next(new AppError('unsupported_media_type'));
    next();
  };
  return [requireJson, express.json({ limit, strict: true, type: 'application/json' })];
}
