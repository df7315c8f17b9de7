import type { IncomingMessage, ServerResponse } from 'node:http';
import { pipeline } from 'node:stream/promises';
import { type Principal, TokenError, type TokenVerifier } from '@safety/auth';
import type { Logger } from 'pino';
import { bearerToken } from '../auth.js';
import { GatewayErrorCode } from '../errors.js';
import { detectAllowedType } from './content-type.js';
import { type FileStore, isFileId } from './file-store.js';

export const DEFAULT_FILES_MAX_BYTES = 10 * 1024 * 1024;
/** Room for multipart boundaries and part headers on top of the file's own limit. */
const MULTIPART_OVERHEAD = 64 * 1024;
const CACHE_CONTROL = 'private, max-age=31536000, immutable';
const CORS_HEADERS = {
  'access-control-allow-origin': '*',
  'access-control-allow-methods': 'GET, HEAD, POST, OPTIONS',
  'access-control-allow-headers': 'authorization, content-type, x-request-id',
  'access-control-expose-headers': 'location, etag, x-request-id',
};
/** How long the rest of a refused body is read and discarded so the client sees the answer. */
const LINGER_MS = 5000;

export interface FilesHandlerOptions {
  store: FileStore;
  verify: TokenVerifier;
  maxBytes?: number;
  log: Logger;
}

export interface FilesHandler {
  /** True for `/files` and `/files/...` (judged on the raw path: `..` is not resolved first). */
  matches(req: IncomingMessage): boolean;
  handle(req: IncomingMessage, res: ServerResponse): Promise<void>;
}

class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
  }
}

/**
 * `POST /files` (upload) and `GET|HEAD /files/:id` (download), served by the gateway's own
 * HTTP server ahead of the GraphQL runtime. Errors are JSON `{ error, code }`.
 */
export function createFilesHandler(options: FilesHandlerOptions): FilesHandler {
  const { store, verify, log } = options;
  const maxBytes = options.maxBytes ?? DEFAULT_FILES_MAX_BYTES;

  async function authenticate(req: IncomingMessage): Promise<Principal> {
    const token = bearerToken(req.headers.authorization);
    if (!token) throw new HttpError(401, GatewayErrorCode.UNAUTHENTICATED, 'Sign in: no bearer token');
    try {
      return await verify(token);
    } catch (error) {
      const reason = error instanceof TokenError ? error.message : 'token invalid';
      throw new HttpError(401, GatewayErrorCode.UNAUTHENTICATED, `Sign in again: ${reason}`);
    }
  }

  async function upload(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const principal = await authenticate(req);
    const contentType = req.headers['content-type'] ?? '';
    const multipart = /^multipart\/form-data\s*;/i.test(contentType);
    const body = await readBody(req, multipart ? maxBytes + MULTIPART_OVERHEAD : maxBytes);
    const bytes = multipart ? await filePart(body, contentType) : body;
    if (bytes.byteLength > maxBytes) throw tooLarge(maxBytes);
    if (bytes.byteLength === 0) throw new HttpError(400, 'BAD_REQUEST', 'The file is empty');
    const detected = await detectAllowedType(bytes);
    if (!detected) {
      throw new HttpError(
        415,
        GatewayErrorCode.UNSUPPORTED_FILE_TYPE,
        'Only JPEG, PNG, WebP, HEIC, PDF and MP4 files are accepted (judged by content)',
      );
    }
    const { file, created } = await store.put(bytes, {
      contentType: detected,
      uploadedBy: principal.id,
    });
    log.info(
      { fileId: file.id, size: file.size, contentType: file.contentType, uploadedBy: principal.id, created },
      created ? 'file stored' : 'file already stored',
    );
    sendJson(
      res,
      created ? 201 : 200,
      { id: file.id, size: file.size, contentType: file.contentType, sha256: file.id },
      { location: `/files/${file.id}` },
    );
  }

  async function download(req: IncomingMessage, res: ServerResponse, rawId: string): Promise<void> {
    await authenticate(req);
    let id: string;
    try {
      id = decodeURIComponent(rawId);
    } catch {
      id = rawId;
    }
    if (!isFileId(id)) {
      throw new HttpError(
        400,
        'BAD_REQUEST',
        'A file id is the SHA-256 of the file: 64 lower-case hex digits',
      );
    }
    const head = req.method === 'HEAD';
    const found = head
      ? await store.stat(id).then((file) => file && { file, body: null })
      : await store.open(id);
    if (!found) throw new HttpError(404, 'NOT_FOUND', 'No such file');
    const { file, body } = found;
    const etag = `"${file.id}"`;
    const common = {
      etag,
      'cache-control': CACHE_CONTROL,
      'x-content-type-options': 'nosniff',
    };
    if (ifNoneMatch(req.headers['if-none-match'], etag)) {
      body?.destroy();
      res.writeHead(304, common).end();
      return;
    }
    const inline = file.contentType.startsWith('image/') || file.contentType === 'application/pdf';
    res.writeHead(200, {
      ...common,
      'content-type': file.contentType,
      'content-length': String(file.size),
      'content-disposition': inline ? 'inline' : 'attachment',
    });
    if (!body) {
      res.end();
      return;
    }
    await pipeline(body, res);
  }

  return {
    matches(req) {
      const pathname = (req.url ?? '').split('?')[0] ?? '';
      return pathname === '/files' || pathname.startsWith('/files/');
    },
    async handle(req, res) {
      const pathname = (req.url ?? '').split('?')[0] ?? '';
      // Like the GraphQL endpoint, any origin may call: access needs a bearer token, never a cookie.
      for (const [name, value] of Object.entries(CORS_HEADERS)) res.setHeader(name, value);
      if (req.method === 'OPTIONS') {
        res.writeHead(204, { 'access-control-max-age': '600' }).end();
        return;
      }
      try {
        if (pathname === '/files') {
          if (req.method !== 'POST') throw notAllowed('POST');
          await upload(req, res);
        } else {
          if (req.method !== 'GET' && req.method !== 'HEAD') throw notAllowed('GET, HEAD');
          await download(req, res, pathname.slice('/files/'.length));
        }
      } catch (error) {
        if (res.headersSent) {
          log.warn({ err: error, requestId: req.headers['x-request-id'] }, 'file response aborted');
          res.destroy();
          return;
        }
        if (error instanceof HttpError) {
          sendJson(res, error.status, { error: error.message, code: error.code }, error.headers);
          discardRest(req);
          return;
        }
        const requestId = req.headers['x-request-id'];
        log.error({ err: error, requestId }, 'internal error');
        sendJson(res, 500, {
          error: `Internal error; quote request id ${requestId ?? 'unknown'}`,
          code: GatewayErrorCode.INTERNAL_SERVER_ERROR,
          requestId,
        });
        discardRest(req);
      }
    },
  };
}

/**
 * Reads the body into memory, never more than `limit` bytes: a declared Content-Length over
 * the limit is refused before reading, a chunked body as soon as it passes the limit.
 */
function readBody(req: IncomingMessage, limit: number): Promise<Buffer> {
  const declared = Number(req.headers['content-length']);
  if (Number.isFinite(declared) && declared > limit) return Promise.reject(tooLarge(limit));
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const cleanup = () => {
      req.off('data', onData);
      req.off('end', onEnd);
      req.off('error', onError);
    };
    const onData = (chunk: Buffer) => {
      size += chunk.byteLength;
      if (size > limit) {
        cleanup();
        chunks.length = 0;
        reject(tooLarge(limit));
        return;
      }
      chunks.push(chunk);
    };
    const onEnd = () => {
      cleanup();
      resolve(Buffer.concat(chunks, size));
    };
    const onError = (error: Error) => {
      cleanup();
      reject(error);
    };
    req.on('data', onData);
    req.on('end', onEnd);
    req.on('error', onError);
  });
}

/** The bytes of the single `file` part of a multipart/form-data body (parsed by Node's own fetch Request). */
async function filePart(body: Buffer, contentType: string): Promise<Uint8Array> {
  let form: FormData;
  try {
    form = await new Request('http://files.invalid/', {
      method: 'POST',
      headers: { 'content-type': contentType },
      body: new Uint8Array(body.buffer as ArrayBuffer, body.byteOffset, body.byteLength),
    }).formData();
  } catch {
    throw new HttpError(400, 'BAD_REQUEST', 'Malformed multipart/form-data body');
  }
  const parts = form.getAll('file');
  const file = parts[0];
  if (parts.length !== 1 || typeof file === 'string' || !file) {
    throw new HttpError(400, 'BAD_REQUEST', 'Send exactly one file, in a form field named "file"');
  }
  return new Uint8Array(await file.arrayBuffer());
}

/**
 * After an early answer (401, 413, ...) the client may still be sending. Closing at once makes
 * most clients fail with EPIPE/ECONNRESET instead of reading the answer, so, like nginx's
 * lingering close, the rest is read and thrown away (never buffered) for at most LINGER_MS,
 * then the connection is cut.
 */
function discardRest(req: IncomingMessage): void {
  if (req.complete || req.destroyed) return;
  req.removeAllListeners('data');
  req.resume();
  const timer = setTimeout(() => req.socket.destroy(), LINGER_MS);
  timer.unref();
  req.once('end', () => clearTimeout(timer));
  req.once('close', () => clearTimeout(timer));
}

function tooLarge(limit: number): HttpError {
  return new HttpError(413, GatewayErrorCode.FILE_TOO_LARGE, `The file is larger than ${limit} bytes`);
}

function notAllowed(allow: string): HttpError {
  return new HttpError(405, 'METHOD_NOT_ALLOWED', `Use ${allow}`, { allow });
}

function ifNoneMatch(header: string | undefined, etag: string): boolean {
  if (!header) return false;
  return header.split(',').some((tag) => {
    const value = tag.trim().replace(/^W\//, '');
    return value === '*' || value === etag;
  });
}

function sendJson(
  res: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): void {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    ...headers,
    'content-type': 'application/json; charset=utf-8',
    'content-length': String(Buffer.byteLength(text)),
    'cache-control': 'no-store',
    'x-content-type-options': 'nosniff',
  });
  res.end(text);
}
