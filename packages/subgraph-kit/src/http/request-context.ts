import { AsyncLocalStorage } from 'node:async_hooks';
import { randomUUID } from 'node:crypto';
import type { NextFunction, Request, Response } from 'express';
import type { Logger } from '../logger.js';

const store = new AsyncLocalStorage<{ requestId: string }>();

export type RequestWithId = Request & { requestId: string };

export function currentRequestId(): string | undefined {
  return store.getStore()?.requestId;
}

/** Gives every request an id (the caller's `x-request-id` if sane), echoes it and logs the outcome. */
export function requestIds(log: Logger) {
  return (req: Request, res: Response, next: NextFunction) => {
    const given = req.header('x-request-id');
    const requestId = given && /^[\w.-]{1,100}$/.test(given) ? given : randomUUID();
    res.setHeader('x-request-id', requestId);
    (req as RequestWithId).requestId = requestId;
    const started = process.hrtime.bigint();
    res.on('finish', () => {
      if (req.path === '/healthz' || req.path === '/readyz') return;
      const ms = Number(process.hrtime.bigint() - started) / 1e6;
      log.info({ requestId, method: req.method, path: req.path, status: res.statusCode, ms }, 'request');
    });
    store.run({ requestId }, next);
  };
}
