import pino, { type Logger } from 'pino';

/**
 * The service logger. Tokens are redacted wherever they could appear; comment
 * text and personal data are never logged at info level (routes log ids only).
 */
export function createLogger(level: string, destination?: pino.DestinationStream): Logger {
  return pino(
    {
      level,
      base: { service: 'saring' },
      redact: {
        paths: [
          'req.headers.authorization',
          'req.headers["sec-websocket-protocol"]',
          'req.headers.cookie',
          'headers.authorization',
          'token',
          '*.token',
          'adminToken',
        ],
        censor: '[redacted]',
      },
    },
    destination,
  );
}

export type { Logger };
