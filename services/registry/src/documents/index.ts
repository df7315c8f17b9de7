import { TrustedDocumentEntity } from './trusted-document.entity.js';

export { TrustedDocuments1765000020000 } from './1765000020000-trusted-documents.js';
export { TrustedDocumentEntity } from './trusted-document.entity.js';
export { TrustedDocumentResolver } from './trusted-document.resolver.js';
export { documentsRouter } from './trusted-document.router.js';
export { type DocumentRegistration, readRegistration } from './trusted-document.rules.js';
export { DocumentStore } from './trusted-document.service.js';

/** The tables of this part, for the DataSource's entity list. */
export const documentEntities = [TrustedDocumentEntity];
