#!/usr/bin/env node
// Serves the built apps and the GraphQL API on one origin (no CORS, one session store per origin):
//   /                 apps/portal/dist      (SPA: unknown paths get its index.html)
//   /apps/<name>/     apps/<name>/dist      (each department app standalone, and its remoteEntry.js;
//                                            every built app, i.e. DEPARTMENT_APPS of services.mjs and admin)
//   /graphql, /files  proxied to the gateway
//   /registry/graphql proxied to the schema registry's /graphql (apps/admin; the caller's admin token)
//   /registry/health/<subgraph>  GET, proxied to that subgraph's /readyz (apps/admin's health column)
// No dependencies: node:http + node:fs. Run alone with `node infra/local/static-server.mjs`.
import { createReadStream, existsSync, readdirSync } from 'node:fs';
import { stat } from 'node:fs/promises';
import http from 'node:http';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { createGzip } from 'node:zlib';
import { REGISTRY, SUBGRAPHS } from './services.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

const CONTENT_TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.txt': 'text/plain; charset=utf-8',
  '.wasm': 'application/wasm',
};
const COMPRESSIBLE = new Set(['.html', '.js', '.mjs', '.css', '.json', '.map', '.svg', '.txt']);
/** Paths the gateway answers; everything else is a file. */
const PROXIED = ['/graphql', '/files', '/healthz', '/readyz'];

/** `/apps/<name>/` for every built app except the portal, which owns `/`. Longest prefix first. */
export function appMounts(appsDir = path.join(root, 'apps')) {
  const mounts = [];
  for (const name of existsSync(appsDir) ? readdirSync(appsDir) : []) {
    const dist = path.join(appsDir, name, 'dist');
    if (!existsSync(path.join(dist, 'index.html'))) continue;
    mounts.push({ prefix: name === 'portal' ? '/' : `/apps/${name}/`, dir: dist, name });
  }
  return mounts.sort((a, b) => b.prefix.length - a.prefix.length);
}

/** `http://127.0.0.1:<port>` of each service in services.mjs; env overrides as start.mjs sets them. */
const registryDefault = process.env.REGISTRY_URL ?? `http://127.0.0.1:${REGISTRY.port}`;
const subgraphDefaults = Object.fromEntries(SUBGRAPHS.map((s) => [s.name, `http://127.0.0.1:${s.port}`]));

function proxy(req, res, gateway, upstreamPath = req.url, what = 'The gateway') {
  const target = new URL(upstreamPath, gateway);
  const upstream = http.request(
    target,
    {
      method: req.method,
      headers: {
        ...req.headers,
        host: target.host,
        'x-forwarded-for': req.socket.remoteAddress ?? '',
        'x-forwarded-host': req.headers.host ?? '',
      },
    },
    (answer) => {
      res.writeHead(answer.statusCode ?? 502, answer.headers);
      answer.pipe(res);
    },
  );
  upstream.on('error', () => {
    if (!res.headersSent) res.writeHead(502, { 'content-type': 'application/json' });
    res.end(
      JSON.stringify({
        errors: [{ message: `${what} is not reachable`, extensions: { code: 'BAD_GATEWAY' } }],
      }),
    );
  });
  req.pipe(upstream);
}

async function sendFile(req, res, file, { immutable }) {
  const ext = path.extname(file).toLowerCase();
  const info = await stat(file);
  const headers = {
    'content-type': CONTENT_TYPES[ext] ?? 'application/octet-stream',
    // Hashed assets never change; entries (index.html, remoteEntry.js) must be re-checked every time.
    'cache-control': immutable ? 'public, max-age=31536000, immutable' : 'no-cache',
    'last-modified': info.mtime.toUTCString(),
    'x-content-type-options': 'nosniff',
    vary: 'accept-encoding',
  };
  if (!immutable && req.headers['if-modified-since'] === headers['last-modified']) {
    res.writeHead(304, headers);
    return res.end();
  }
  const gzip = COMPRESSIBLE.has(ext) && /\bgzip\b/.test(req.headers['accept-encoding'] ?? '');
  if (gzip) headers['content-encoding'] = 'gzip';
  else headers['content-length'] = info.size;
  res.writeHead(200, headers);
  if (req.method === 'HEAD') return res.end();
  const stream = createReadStream(file);
  (gzip ? stream.pipe(createGzip()) : stream).pipe(res);
}

async function isFile(file) {
  try {
    return (await stat(file)).isFile();
  } catch {
    return false;
  }
}

/** Starts the server; resolves with `{ url, close }` once it listens. */
export function startStaticServer({
  port = Number(process.env.WEB_PORT ?? 5000),
  host = '127.0.0.1',
  gatewayUrl = process.env.GATEWAY_URL ?? 'http://127.0.0.1:4000',
  registryUrl = registryDefault,
  subgraphUrls = subgraphDefaults,
  mounts = appMounts(),
} = {}) {
  const server = http.createServer(async (req, res) => {
    try {
      const { pathname, search } = new URL(req.url ?? '/', 'http://local');
      // The registry's read API only (its writes are `PUT /subgraphs/:name`, never proxied).
      if (pathname === '/registry/graphql')
        return proxy(req, res, registryUrl, `/graphql${search}`, 'The schema registry');
      const health = /^\/registry\/health\/([^/]+)$/.exec(pathname);
      if (health) {
        const subgraph = Object.hasOwn(subgraphUrls, health[1]) ? subgraphUrls[health[1]] : undefined;
        if (!subgraph || (req.method !== 'GET' && req.method !== 'HEAD')) {
          res.writeHead(subgraph ? 405 : 404, { 'content-type': 'application/json' });
          return res.end(JSON.stringify({ status: 'unknown', service: health[1] }));
        }
        return proxy(req, res, subgraph, '/readyz', `The ${health[1]} subgraph`);
      }
      if (PROXIED.some((p) => pathname === p || pathname.startsWith(`${p}/`)))
        return proxy(req, res, gatewayUrl);
      if (req.method !== 'GET' && req.method !== 'HEAD') {
        res.writeHead(405, { allow: 'GET, HEAD' });
        return res.end();
      }
      // `/apps/supervision` without the slash: redirect so relative asset URLs resolve.
      const bare = mounts.find((m) => m.prefix !== '/' && pathname === m.prefix.slice(0, -1));
      if (bare) {
        res.writeHead(308, { location: bare.prefix });
        return res.end();
      }
      const mount = mounts.find((m) => pathname.startsWith(m.prefix));
      if (!mount) {
        res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' });
        return res.end('Not found');
      }
      const relative = decodeURIComponent(pathname.slice(mount.prefix.length));
      const file = path.resolve(mount.dir, relative);
      if (file !== mount.dir && !file.startsWith(mount.dir + path.sep)) {
        res.writeHead(400);
        return res.end();
      }
      if (await isFile(file))
        return await sendFile(req, res, file, { immutable: relative.startsWith('assets/') });
      // SPA fallback: a client-side route (no file extension) gets the app's index.html; a missing asset is a 404.
      if (path.extname(relative) === '') {
        return await sendFile(req, res, path.join(mount.dir, 'index.html'), { immutable: false });
      }
      res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' });
      res.end('Not found');
    } catch (error) {
      if (!res.headersSent) res.writeHead(500, { 'content-type': 'text/plain; charset=utf-8' });
      res.end(String(error?.message ?? error));
    }
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      resolve({
        url: `http://${host}:${server.address().port}`,
        mounts,
        close: () =>
          new Promise((done) => {
            server.close(() => done());
            server.closeAllConnections();
          }),
      });
    });
  });
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const web = await startStaticServer();
  console.log(`Serving ${web.mounts.map((m) => `${m.prefix} → ${path.relative(root, m.dir)}`).join(', ')}`);
  console.log(`Portal: ${web.url}/`);
}
