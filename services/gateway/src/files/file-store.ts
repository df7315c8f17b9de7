import { createHash, randomUUID } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { link, mkdir, readFile, stat, unlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Readable } from 'node:stream';

/** A stored file: its id is the SHA-256 of its bytes (lower-case hex), so equal bytes are stored once. */
export interface FileInfo {
  id: string;
  size: number;
  contentType: string;
  /** Account id of the first uploader. */
  uploadedBy: string;
  /** ISO timestamp of the first upload. */
  uploadedAt: string;
}

/**
 * Content-addressed file storage behind `POST /files` and `GET /files/:id`.
 * `LocalFileStore` keeps files on disk (the embedded default, `.data/files/`); in production an
 * S3-compatible object store implements this same interface (key = id, metadata = the sidecar
 * fields), so the HTTP handler does not change.
 */
export interface FileStore {
  /** Stores the bytes once; `created` is false when the same bytes were already stored (nothing is rewritten). */
  put(
    bytes: Uint8Array,
    meta: { contentType: string; uploadedBy: string },
  ): Promise<{ file: FileInfo; created: boolean }>;
  /** The file's metadata, or null if unknown (or the id is malformed). */
  stat(id: string): Promise<FileInfo | null>;
  /** The file's metadata and a stream of its bytes, or null if unknown. */
  open(id: string): Promise<{ file: FileInfo; body: Readable } | null>;
}

const FILE_ID = /^[0-9a-f]{64}$/;

/** True for a well-formed file id (64 lower-case hex digits); nothing else ever reaches a path. */
export function isFileId(id: string): boolean {
  return FILE_ID.test(id);
}

export function sha256Hex(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/**
 * Files under `<dir>/<first two hex>/<sha256>` with a JSON sidecar `<sha256>.json`
 * (contentType, size, first uploader, uploadedAt). Both are written to a temporary file and
 * published with link(2), which fails if the target exists: concurrent uploads of the same
 * bytes never overwrite each other, and a reader never sees a half-written file.
 */
export class LocalFileStore implements FileStore {
  constructor(readonly dir: string) {}

  async put(
    bytes: Uint8Array,
    meta: { contentType: string; uploadedBy: string },
  ): Promise<{ file: FileInfo; created: boolean }> {
    const id = sha256Hex(bytes);
    const existing = await this.stat(id);
    if (existing) return { file: existing, created: false };
    await mkdir(path.dirname(this.bytesPath(id)), { recursive: true });
    const file: FileInfo = {
      id,
      size: bytes.byteLength,
      contentType: meta.contentType,
      uploadedBy: meta.uploadedBy,
      uploadedAt: new Date().toISOString(),
    };
    // The sidecar is the claim: whoever publishes it first is the first uploader.
    const created = await publish(this.sidecarPath(id), JSON.stringify(file));
    await publish(this.bytesPath(id), bytes);
    if (created) return { file, created };
    return { file: (await this.stat(id)) ?? file, created: false };
  }

  async stat(id: string): Promise<FileInfo | null> {
    if (!isFileId(id)) return null;
    try {
      const [sidecar, stats] = await Promise.all([
        readFile(this.sidecarPath(id), 'utf8'),
        stat(this.bytesPath(id)),
      ]);
      const meta = JSON.parse(sidecar) as Partial<FileInfo>;
      return {
        id,
        size: stats.size,
        contentType: meta.contentType ?? 'application/octet-stream',
        uploadedBy: meta.uploadedBy ?? '',
        uploadedAt: meta.uploadedAt ?? stats.mtime.toISOString(),
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw error;
    }
  }

  async open(id: string): Promise<{ file: FileInfo; body: Readable } | null> {
    const file = await this.stat(id);
    if (!file) return null;
    return { file, body: createReadStream(this.bytesPath(id)) };
  }

  private bytesPath(id: string): string {
    return path.join(this.dir, id.slice(0, 2), id);
  }

  private sidecarPath(id: string): string {
    return `${this.bytesPath(id)}.json`;
  }
}

/** Writes `data` to a temporary file and links it to `target`; false if `target` already existed. */
async function publish(target: string, data: string | Uint8Array): Promise<boolean> {
  const temporary = `${target}.${randomUUID()}.tmp`;
  await writeFile(temporary, data, { flag: 'wx', flush: true });
  try {
    await link(temporary, target);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw error;
  } finally {
    await unlink(temporary).catch(() => {});
  }
}
