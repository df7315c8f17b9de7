// usage + trusted documents (src/usage, src/documents)
import { TrustedDocuments1765000020000 } from '../documents/1765000020000-trusted-documents.js';
import { Usage1765000010000 } from '../usage/1765000010000-usage.js';
import { Registry1764500000000 } from './1764500000000-registry.js';
import { Versions1764600000000 } from './1764600000000-versions.js';

export const migrations = [
  Registry1764500000000,
  Versions1764600000000,
  Usage1765000010000,
  TrustedDocuments1765000020000,
];
