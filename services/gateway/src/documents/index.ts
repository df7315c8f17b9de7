export { documentHash, printNormalized, withoutTypename } from './normalize.js';
export {
  type DocumentSetPayload,
  identities,
  type RegisteredDocument,
  TrustedDocumentSet,
} from './trusted-documents.js';
export {
  persistedDocumentsOption,
  TrustedDocumentCode,
  useTrustedDocuments,
} from './trusted-documents.plugin.js';
export {
  ARBITRARY_DOCUMENT_ROLES,
  mayRunArbitraryDocuments,
  nonPublicRootFields,
  PUBLIC_ROOT_FIELDS,
} from './trusted-documents.rules.js';
