import { pino } from 'pino';

export type Logger = pino.Logger;

/** Structured JSON logs; secrets never reach them (redacted paths below). */
export function createLogger(service: string): Logger {
  return pino({
    name: service,
    level: process.env.LOG_LEVEL ?? (process.env.NODE_ENV === 'test' ? 'silent' : 'info'),
    redact: [
      'password',
      '*.password',
      'token',
      '*.token',
      'authorization',
      '*.authorization',
      'headers.authorization',
    ],
  });
}
