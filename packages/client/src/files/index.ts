export { createFileTransport, filesUrlOf, fileTransportOf, useFileTransport } from './file-transport.js';
