import { defineSubgraph } from '@safety/subgraph-kit';
import { Certificate } from './certificates/certificate.entity.js';
import { CertificateResolver, EnterpriseCertificatesResolver } from './certificates/certificate.resolver.js';
import { CertificateService } from './certificates/certificate.service.js';
import { EnterpriseStub } from './enterprises/enterprise.stub.js';
import { migrations } from './migrations/index.js';
import { seed } from './seed/seed.js';

/** 宣传培训体系: certificates and, later, persons, training records, three-level education and publicity. */
export const trainingSubgraph = defineSubgraph({
  name: 'training',
  port: 4104,
  resolvers: [CertificateResolver, EnterpriseCertificatesResolver],
  orphanedTypes: [EnterpriseStub],
  entities: [Certificate],
  migrations,
  references: {
    Certificate: (ids, context) => new CertificateService(context).byIds(ids),
    Enterprise: 'stub',
  },
  seed,
});
