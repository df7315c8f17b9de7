export {
  type FileTransport,
  FileUpload,
  type FileUploadProps,
  type StoredFile,
  UPLOAD_ACCEPT,
  UPLOAD_MAX_BYTES,
} from './file-upload.js';
