import type { Logger } from '@safety/subgraph-kit';
import express, { type Router } from 'express';
import type { DataSource } from 'typeorm';
import { readUsageReport } from './usage.rules.js';
import { UsageStore } from './usage.service.js';

/** `POST /usage`: the gateway's batched hourly usage (services/gateway/src/usage). */
export function usageRouter(db: () => DataSource, log: Logger): Router {
  const router = express.Router();
  router.post('/usage', express.json({ limit: '10mb' }), async (req, res) => {
    const read = readUsageReport(req.body);
    if (!read.ok) return void res.status(400).json({ error: read.error });
    const stored = await new UsageStore(db()).ingest(read.value);
    log.debug(stored, 'usage stored');
    res.json(stored);
  });
  return router;
}
