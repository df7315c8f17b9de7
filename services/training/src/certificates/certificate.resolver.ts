import type { SubgraphContext } from '@safety/subgraph-kit';
import { Connection, localDate, now } from '@safety/subgraph-kit';
import {
  Arg,
  Args,
  Authorized,
  Ctx,
  Field,
  FieldResolver,
  ID,
  Int,
  Mutation,
  ObjectType,
  Query,
  Resolver,
  Root,
} from 'type-graphql';
import { EnterpriseStub } from '../enterprises/enterprise.stub.js';
import { Person } from '../persons/person.entity.js';
import { PersonService } from '../persons/person.service.js';
import { Certificate } from './certificate.entity.js';
import { CertificateStatus } from './certificate.enums.js';
import {
  CertificateListArgs,
  EnterpriseCertificatesArgs,
  RegisterCertificateInput,
  RevokeCertificateArgs,
} from './certificate.inputs.js';
import {
  CERTIFICATE_REGISTRAR_ROLES,
  CERTIFICATE_REVOKER_ROLES,
  certificateStatus,
} from './certificate.rules.js';
import { CertificateService } from './certificate.service.js';

const CertificateConnection = Connection('Certificate', Certificate);

@ObjectType()
class CertificateStatusCount {
  @Field(() => CertificateStatus) status: CertificateStatus;
  @Field(() => Int) count: number;
}

@Resolver(() => Certificate)
export class CertificateResolver {
  @Authorized()
  @Query(() => CertificateConnection, {
    description: 'Certificates in your data scope, soonest expiring first; status is as of today',
  })
  certificates(@Args() args: CertificateListArgs, @Ctx() context: SubgraphContext) {
    return new CertificateService(context).list(args);
  }

  @Authorized()
  @Query(() => Certificate, {
    nullable: true,
    description: 'One certificate, or null if absent or outside your scope',
  })
  certificate(@Arg('id', () => ID) id: string, @Ctx() context: SubgraphContext) {
    return new CertificateService(context).byId(id);
  }

  @Authorized()
  @Query(() => [CertificateStatusCount], { description: 'Certificates in your scope by status as of today' })
  certificateCountsByStatus(@Ctx() context: SubgraphContext) {
    return new CertificateService(context).countsByStatus();
  }

  @Authorized(...CERTIFICATE_REGISTRAR_ROLES)
  @Mutation(() => Certificate, { description: 'Records a certificate; emits CertificateStatusChanged' })
  registerCertificate(@Arg('input') input: RegisterCertificateInput, @Ctx() context: SubgraphContext) {
    return new CertificateService(context).register(input);
  }

  @Authorized(...CERTIFICATE_REVOKER_ROLES)
  @Mutation(() => Certificate, {
    description: 'Revokes a certificate (issuer decision); emits CertificateStatusChanged',
  })
  revokeCertificate(@Args() args: RevokeCertificateArgs, @Ctx() context: SubgraphContext) {
    return new CertificateService(context).revoke(args);
  }

  @FieldResolver(() => CertificateStatus, { description: 'Status as of today (domain §7.5)' })
  status(@Root() certificate: Certificate): CertificateStatus {
    return certificateStatus(certificate, localDate(now()));
  }

  @FieldResolver(() => Person, { nullable: true, description: 'The holder, if in your scope' })
  person(@Root() certificate: Certificate, @Ctx() context: SubgraphContext) {
    return new PersonService(context).byId(certificate.personId);
  }

  @FieldResolver(() => EnterpriseStub, { description: "The holder's current employer" })
  enterprise(@Root() certificate: Certificate): EnterpriseStub {
    return { id: certificate.enterpriseId };
  }
}

/** What this service adds to `Enterprise` (architecture §6), batched across enterprises. */
@Resolver(() => EnterpriseStub)
export class EnterpriseCertificatesResolver {
  @Authorized()
  @FieldResolver(() => CertificateConnection, {
    nullable: true,
    description: "Certificates held by this enterprise's staff, in your scope",
  })
  certificates(
    @Root() enterprise: EnterpriseStub,
    @Args() args: EnterpriseCertificatesArgs,
    @Ctx() context: SubgraphContext,
  ) {
    return new CertificateService(context).forEnterprise(enterprise.id, args);
  }

  @Authorized()
  @FieldResolver(() => Int, {
    nullable: true,
    description: 'Certificates in their review window, or valid but expiring within 60 days',
  })
  expiringCertificateCount(@Root() enterprise: EnterpriseStub, @Ctx() context: SubgraphContext) {
    return new CertificateService(context).expiringCount(enterprise.id);
  }
}
