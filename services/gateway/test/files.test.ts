import { createHash } from 'node:crypto';
import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { request as httpRequest } from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { crc32, deflateSync } from 'node:zlib';
import { demoPrincipal, TestAuthority } from '@safety/subgraph-kit/testing';
import { composeServices } from '@theguild/federation-composition';
import { parse } from 'graphql';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningGateway, startGateway } from '../src/index.js';

const MAX_BYTES = 64 * 1024;

let gateway: RunningGateway;
let authority: TestAuthority;
let token: string;
let workDir: string;
let filesDir: string;

/** A valid 2×2 RGBA PNG, built chunk by chunk (signature, IHDR, IDAT, IEND, each with its CRC). */
function tinyPng(seed = 0): Uint8Array<ArrayBuffer> {
  const chunk = (type: string, data: Buffer) => {
    const length = Buffer.alloc(4);
    length.writeUInt32BE(data.length);
    const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(body));
    return Buffer.concat([length, body, crc]);
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(2, 0); // width
  header.writeUInt32BE(2, 4); // height
  header.set([8, 6, 0, 0, 0], 8); // 8-bit RGBA, deflate, no filter, no interlace
  const rows = Buffer.from([0, 255, 0, seed, 255, 0, 0, 255, 255, 0, 0, 0, 255, 255, 255, 255, 255, 255]);
  return bytes(
    Buffer.concat([
      Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
      chunk('IHDR', header),
      chunk('IDAT', deflateSync(rows)),
      chunk('IEND', Buffer.alloc(0)),
    ]),
  );
}

/** A copy on its own ArrayBuffer, which fetch and Blob accept. */
const bytes = (buffer: Uint8Array): Uint8Array<ArrayBuffer> => new Uint8Array(buffer);

const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');
const auth = (t = token) => ({ authorization: `Bearer ${t}` });

function upload(body: BodyInit, headers: Record<string, string> = auth()): Promise<Response> {
  return fetch(`${gateway.url}/files`, { method: 'POST', headers, body });
}

/** A request with a path exactly as given (fetch would resolve `..` before sending). */
function rawGet(
  pathname: string,
  headers: Record<string, string>,
): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(
      `${gateway.url}${pathname}`,
      { method: 'GET', path: pathname, headers },
      (res) => {
        let body = '';
        res.setEncoding('utf8');
        res.on('data', (chunk) => {
          body += chunk;
        });
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
      },
    );
    req.on('error', reject);
    req.end();
  });
}

beforeAll(async () => {
  workDir = await mkdtemp(path.join(tmpdir(), 'gateway-files-'));
  filesDir = path.join(workDir, 'files');
  const composed = composeServices([
    {
      name: 'tiny',
      url: 'http://127.0.0.1:9/graphql',
      typeDefs: parse(`
        extend schema @link(url: "https://specs.apollo.dev/federation/v2.7", import: ["@shareable"])
        type Query { hello: String }
      `),
    },
  ]);
  if (composed.errors) throw new Error(composed.errors.map((e) => e.message).join('\n'));
  const supergraphFile = path.join(workDir, 'supergraph.graphql');
  await writeFile(supergraphFile, composed.supergraphSdl);
  authority = await TestAuthority.create();
  token = await authority.tokenFor('saco.demo');
  gateway = await startGateway({
    port: 0,
    supergraph: { kind: 'file', file: supergraphFile },
    verify: authority.serviceAuth().verify,
    files: { dir: filesDir, maxBytes: MAX_BYTES },
    log: pino({ level: 'silent' }),
  });
}, 60_000);

afterAll(async () => {
  await gateway?.stop();
  if (workDir) await rm(workDir, { recursive: true, force: true });
});

describe('POST /files', () => {
  const png = tinyPng();
  const id = sha256(png);

  it('stores a PNG under its SHA-256 (201), and the same bytes again only once (200, same id)', async () => {
    const first = await upload(png, { ...auth(), 'content-type': 'application/octet-stream' });
    expect(first.status).toBe(201);
    expect(await first.json()).toEqual({ id, size: png.length, contentType: 'image/png', sha256: id });
    expect(first.headers.get('location')).toBe(`/files/${id}`);

    const second = await upload(png, auth(await authority.tokenFor('zhujian.demo')));
    expect(second.status).toBe(200);
    expect(await second.json()).toEqual({ id, size: png.length, contentType: 'image/png', sha256: id });

    const shard = await readdir(path.join(filesDir, id.slice(0, 2)));
    expect(shard.sort()).toEqual([id, `${id}.json`]); // one file + its sidecar, no temporaries
  });

  it('accepts multipart/form-data with one "file" part', async () => {
    const photo = tinyPng(7);
    const form = new FormData();
    form.append('note', 'ignored');
    form.append('file', new Blob([photo], { type: 'text/plain' }), 'photo.txt');
    const response = await upload(form);
    expect(response.status).toBe(201);
    expect(await response.json()).toMatchObject({ id: sha256(photo), contentType: 'image/png' });

    const empty = new FormData();
    empty.append('other', new Blob([photo]), 'x.png');
    const missing = await upload(empty);
    expect(missing.status).toBe(400);
  });

  it('judges the type by content: a text file called .png with an image/png type is 415', async () => {
    const form = new FormData();
    form.append('file', new Blob(['just some text, honestly'], { type: 'image/png' }), 'photo.png');
    const viaForm = await upload(form);
    expect(viaForm.status).toBe(415);
    expect(await viaForm.json()).toMatchObject({ code: 'UNSUPPORTED_FILE_TYPE' });

    const raw = await upload('just some text, honestly', { ...auth(), 'content-type': 'image/png' });
    expect(raw.status).toBe(415);
    expect(await raw.json()).toMatchObject({ code: 'UNSUPPORTED_FILE_TYPE' });
  });

  it('refuses an upload over the limit with 413, by Content-Length or while streaming', async () => {
    const big = bytes(Buffer.concat([tinyPng(), Buffer.alloc(MAX_BYTES)]));
    const declared = await upload(big);
    expect(declared.status).toBe(413);
    expect(await declared.json()).toMatchObject({ code: 'FILE_TOO_LARGE' });

    // Chunked: no Content-Length, so the limit is found while reading (the client is still sending).
    const chunks = Array.from({ length: 128 }, () => new Uint8Array(64 * 1024));
    const stream = new ReadableStream<Uint8Array>({
      pull(controller) {
        const next = chunks.shift();
        if (next) controller.enqueue(next);
        else controller.close();
      },
    });
    const streamed = await fetch(`${gateway.url}/files`, {
      method: 'POST',
      headers: auth(),
      body: stream,
      duplex: 'half',
    } as RequestInit & { duplex: 'half' });
    expect(streamed.status).toBe(413);
    expect(await streamed.json()).toMatchObject({ code: 'FILE_TOO_LARGE' });
  });

  it('needs a valid, unrevoked token: 401 UNAUTHENTICATED otherwise', async () => {
    const none = await upload(tinyPng(), {});
    expect(none.status).toBe(401);
    expect(await none.json()).toMatchObject({ code: 'UNAUTHENTICATED', error: expect.any(String) });

    const forged = await upload(tinyPng(), auth(`${token.slice(0, -4)}AAAA`));
    expect(forged.status).toBe(401);

    const { token: doomed, jti } = await authority.tokenWithId(demoPrincipal('saco.demo'));
    expect((await upload(tinyPng(3), auth(doomed))).status).toBe(201);
    authority.revocations.add(jti);
    const revoked = await upload(tinyPng(4), auth(doomed));
    expect(revoked.status).toBe(401);
    expect(await revoked.json()).toMatchObject({ code: 'UNAUTHENTICATED' });
  });
});

describe('GET /files/:id', () => {
  const png = tinyPng(42);
  const id = sha256(png);
  beforeAll(async () => {
    expect((await upload(png)).status).toBe(201);
  });

  it('returns the same bytes with their type and immutable caching headers', async () => {
    const response = await fetch(`${gateway.url}/files/${id}`, { headers: auth() });
    expect(response.status).toBe(200);
    expect(new Uint8Array(await response.arrayBuffer())).toEqual(png);
    expect(response.headers.get('content-type')).toBe('image/png');
    expect(response.headers.get('content-length')).toBe(String(png.length));
    expect(response.headers.get('cache-control')).toBe('private, max-age=31536000, immutable');
    expect(response.headers.get('etag')).toBe(`"${id}"`);
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(response.headers.get('content-disposition')).toBe('inline');

    const again = await fetch(`${gateway.url}/files/${id}`, {
      headers: { ...auth(), 'if-none-match': `"${id}"` },
    });
    expect(again.status).toBe(304);
  });

  it('needs a token, like uploads', async () => {
    const response = await fetch(`${gateway.url}/files/${id}`);
    expect(response.status).toBe(401);
    expect(await response.json()).toMatchObject({ code: 'UNAUTHENTICATED' });
  });

  it('answers 404 for an unknown id and 400 for a malformed one', async () => {
    const unknown = await fetch(`${gateway.url}/files/${'0'.repeat(64)}`, { headers: auth() });
    expect(unknown.status).toBe(404);
    expect(await unknown.json()).toMatchObject({ code: 'NOT_FOUND' });

    const traversal = await rawGet('/files/../etc/passwd', auth());
    expect(traversal.status).toBe(400);
    expect(JSON.parse(traversal.body)).toMatchObject({ code: 'BAD_REQUEST' });
    const encoded = await fetch(`${gateway.url}/files/..%2F..%2Fetc%2Fpasswd`, { headers: auth() });
    expect(encoded.status).toBe(400);
    const upper = await fetch(`${gateway.url}/files/${id.toUpperCase()}`, { headers: auth() });
    expect(upper.status).toBe(400);
  });

  it('leaves every other path to the GraphQL runtime', async () => {
    expect((await fetch(`${gateway.url}/healthz`)).status).toBe(200);
    const response = await fetch(`${gateway.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ __typename }' }),
    });
    expect(await response.json()).toEqual({ data: { __typename: 'Query' } });
  });
});

describe('from another origin (an app served elsewhere, vitest browser mode)', () => {
  it('answers the preflight and lets the page read uploads and downloads', async () => {
    const preflight = await fetch(`${gateway.url}/files`, {
      method: 'OPTIONS',
      headers: {
        origin: 'http://apps.example',
        'access-control-request-method': 'POST',
        'access-control-request-headers': 'authorization, content-type',
      },
    });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get('access-control-allow-origin')).toBe('*');
    expect(preflight.headers.get('access-control-allow-methods')).toContain('POST');
    expect(preflight.headers.get('access-control-allow-headers')).toContain('authorization');

    const png = tinyPng(7);
    const uploaded = await upload(png, { ...auth(), origin: 'http://apps.example' });
    expect(uploaded.headers.get('access-control-allow-origin')).toBe('*');
    expect(uploaded.headers.get('access-control-expose-headers')).toContain('location');
    const refused = await fetch(`${gateway.url}/files/${sha256(png)}`, {
      headers: { origin: 'http://apps.example' },
    });
    // Errors are readable too, so the page can show why.
    expect(refused.status).toBe(401);
    expect(refused.headers.get('access-control-allow-origin')).toBe('*');
  });
});
