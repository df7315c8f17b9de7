import { defineSubgraph } from '@safety/subgraph-kit';
import { Certificate } from './certificates/certificate.entity.js';
import { CertificateResolver, EnterpriseCertificatesResolver } from './certificates/certificate.resolver.js';
import { CertificateService } from './certificates/certificate.service.js';
import { EnterpriseStub } from './enterprises/enterprise.stub.js';
import { migrations } from './migrations/index.js';
import { Employment } from './persons/employment.entity.js';
import { Person } from './persons/person.entity.js';
import { EmploymentResolver, EnterprisePersonsResolver, PersonResolver } from './persons/person.resolver.js';
import { PersonService } from './persons/person.service.js';
import { QualificationResolver } from './qualification/qualification.resolver.js';
import { seed } from './seed/seed.js';
import { ThreeLevelEducation } from './three-level/three-level.entity.js';
import { ThreeLevelResolver } from './three-level/three-level.resolver.js';
import { trainingRecordsModule } from './training-records/training-records.module.js';

/**
 * 宣传培训体系: persons and employments, certificates, three-level education, training records and the
 * qualification gate.
 */
export const trainingSubgraph = defineSubgraph({
  name: 'training',
  port: 4104,
  resolvers: [
    CertificateResolver,
    EnterpriseCertificatesResolver,
    PersonResolver,
    EmploymentResolver,
    EnterprisePersonsResolver,
    ThreeLevelResolver,
    QualificationResolver,
  ],
  orphanedTypes: [EnterpriseStub],
  entities: [Certificate, Person, Employment, ThreeLevelEducation],
  migrations,
  references: {
    Certificate: (ids, context) => new CertificateService(context).byIds(ids),
    Person: (ids, context) => new PersonService(context).byIds(ids),
    Enterprise: 'stub',
  },
  seed,
  modules: [trainingRecordsModule],
});
