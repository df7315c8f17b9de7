import type { Logger } from '@safety/subgraph-kit';
import express, { type Router } from 'express';
import type { DataSource } from 'typeorm';
import { readRegistration } from './trusted-document.rules.js';
import { DocumentStore } from './trusted-document.service.js';

/**
 * `POST /documents/:clientName` registers an app's persisted documents (build/start, CI);
 * `GET /documents` is the whole set for the gateway, with an ETag it polls against.
 */
export function documentsRouter(db: () => DataSource, log: Logger): Router {
  const router = express.Router();
  router.post('/documents/:clientName', express.json({ limit: '20mb' }), async (req, res) => {
    const read = readRegistration(String(req.params.clientName), req.body);
    if (!read.ok) return void res.status(400).json({ error: read.error });
    const outcome = await new DocumentStore(db()).register(read.value);
    if (outcome.added)
      log.info({ clientName: read.value.clientName, ...outcome }, 'trusted documents registered');
    res.json(outcome);
  });
  router.get('/documents', async (req, res) => {
    const store = new DocumentStore(db());
    const etag = `"${await store.version()}"`;
    res.setHeader('ETag', etag);
    res.setHeader('cache-control', 'no-cache');
    if (req.header('if-none-match') === etag) return void res.status(304).end();
    const clients: Record<string, Array<{ hash: string; operationName: string | null; body: string }>> = {};
    for (const { clientName, hash, operationName, body } of await store.all()) {
      clients[clientName] ??= [];
      clients[clientName].push({ hash, operationName, body });
    }
    res.json({ clients });
  });
  return router;
}
