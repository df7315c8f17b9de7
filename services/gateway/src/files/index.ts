export { detectAllowedType } from './content-type.js';
export { type FileInfo, type FileStore, isFileId, LocalFileStore, sha256Hex } from './file-store.js';
export { createFilesHandler, DEFAULT_FILES_MAX_BYTES, type FilesHandler } from './http.js';
