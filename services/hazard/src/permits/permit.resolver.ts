import type { SubgraphContext } from '@safety/subgraph-kit';
import { Connection } from '@safety/subgraph-kit';
import {
  Arg,
  Args,
  Authorized,
  Ctx,
  Field,
  FieldResolver,
  ID,
  Mutation,
  ObjectType,
  Query,
  Resolver,
  Root,
} from 'type-graphql';
import { EnterpriseStub } from '../enterprises/enterprise.stub.js';
import { Hazard } from '../hazards/hazard.entity.js';
import { PermitGateResult, WorkPermit } from './permit.entity.js';
import { PermitLevelEnum } from './permit.enums.js';
import {
  ApprovePermitInput,
  ClosePermitInput,
  CompletePermitInput,
  CreatePermitInput,
  EnterprisePermitsArgs,
  PermitGatePreviewInput,
  PermitListArgs,
  RecordGasTestInput,
  ReportUnlicensedWorkerInput,
  ResumePermitWorkInput,
  RevokePermitInput,
  StartPermitWorkInput,
  SuspendPermitWorkInput,
} from './permit.inputs.js';
import { hotWorkAssessment, PermitService } from './permit.service.js';
import type { HotWorkLevel } from './permit.tables.js';
import {
  PERMIT_ACTING_ROLES,
  PERMIT_AUTHOR_ROLES,
  UNLICENSED_WORKER_REPORTER_ROLES,
} from './permit-actors.rules.js';

const WorkPermitConnection = Connection('WorkPermit', WorkPermit);

@ObjectType('HotWorkLevelReason', { description: '动火级别判定依据 (P-4)' })
class HotWorkLevelReason {
  @Field() code: string;
  @Field() messageZh: string;
  @Field(() => String, { nullable: true }) detail?: string | null;
}

@ObjectType('HotWorkLevelAssessment', { description: '动火级别判定 (P-4)：地点、节假日、休息日、夜间' })
class HotWorkLevelAssessmentType {
  @Field({ description: 'False inside the fixed hot-work area' }) permitRequired: boolean;
  @Field(() => PermitLevelEnum, { nullable: true }) baseLevel: HotWorkLevel | null;
  @Field(() => PermitLevelEnum, {
    nullable: true,
    description: 'One level up on holidays, rest days, at night',
  })
  managedLevel: HotWorkLevel | null;
  @Field(() => [HotWorkLevelReason]) reasons: HotWorkLevelReason[];
}

@Resolver(() => WorkPermit)
export class WorkPermitResolver {
  @Authorized()
  @Query(() => WorkPermitConnection, {
    description: 'Hazardous-work permits in your data scope, latest validFrom first',
  })
  permits(@Args() args: PermitListArgs, @Ctx() context: SubgraphContext) {
    return new PermitService(context).list(args);
  }

  @Authorized()
  @Query(() => WorkPermit, {
    nullable: true,
    description: 'One permit, or null if absent or outside your scope',
  })
  permit(@Arg('id', () => ID) id: string, @Ctx() context: SubgraphContext) {
    return new PermitService(context).byId(id);
  }

  @Authorized(...PERMIT_ACTING_ROLES)
  @Query(() => PermitGateResult, {
    description:
      'The qualification gate asked now for the permit’s workers at validFrom (P-1: the reasons to show)',
  })
  permitGate(@Arg('permitId', () => ID) permitId: string, @Ctx() context: SubgraphContext) {
    return new PermitService(context).gate(permitId);
  }

  @Authorized(...PERMIT_AUTHOR_ROLES)
  @Query(() => PermitGateResult, {
    description:
      'The qualification gate of a draft not saved yet, asked as the approval asks it (P-1): per worker every requirement and every failing reason',
  })
  previewPermitGate(@Arg('input') input: PermitGatePreviewInput, @Ctx() context: SubgraphContext) {
    return new PermitService(context).previewGate(input);
  }

  @Authorized(...PERMIT_AUTHOR_ROLES)
  @Mutation(() => WorkPermit, {
    description: '∅ → DRAFT: drafts a permit (code ZY-YYYY-nnnnnn; hot-work level by P-4)',
  })
  createPermit(@Arg('input') input: CreatePermitInput, @Ctx() context: SubgraphContext) {
    return new PermitService(context).create(input);
  }

  @Authorized(...PERMIT_ACTING_ROLES)
  @Mutation(() => WorkPermit, {
    description:
      'Records a gas test; DRAFT → GAS_TESTED for hot work and confined space when it passes (P-5–P-7)',
  })
  recordGasTest(@Arg('input') input: RecordGasTestInput, @Ctx() context: SubgraphContext) {
    return new PermitService(context).recordGasTest(input);
  }

  @Authorized(...PERMIT_ACTING_ROLES)
  @Mutation(() => WorkPermit, {
    description:
      'DRAFT/GAS_TESTED → APPROVED behind the qualification gate; refused with every reason per worker, never overridden (P-1)',
  })
  approvePermit(@Arg('input') input: ApprovePermitInput, @Ctx() context: SubgraphContext) {
    return new PermitService(context).approve(input);
  }

  @Authorized(...PERMIT_ACTING_ROLES)
  @Mutation(() => WorkPermit, {
    description: 'APPROVED → IN_PROGRESS (guardian; within validity, gas test age rule)',
  })
  startPermitWork(@Arg('input') input: StartPermitWorkInput, @Ctx() context: SubgraphContext) {
    return new PermitService(context).startWork(input);
  }

  @Authorized(...PERMIT_ACTING_ROLES)
  @Mutation(() => WorkPermit, { description: 'IN_PROGRESS → SUSPENDED (guardian)' })
  suspendPermitWork(@Arg('input') input: SuspendPermitWorkInput, @Ctx() context: SubgraphContext) {
    return new PermitService(context).suspendWork(input);
  }

  @Authorized(...PERMIT_ACTING_ROLES)
  @Mutation(() => WorkPermit, {
    description: 'SUSPENDED → IN_PROGRESS (guardian; new gas test after a long break)',
  })
  resumePermitWork(@Arg('input') input: ResumePermitWorkInput, @Ctx() context: SubgraphContext) {
    return new PermitService(context).resumeWork(input);
  }

  @Authorized(...PERMIT_ACTING_ROLES)
  @Mutation(() => WorkPermit, { description: 'IN_PROGRESS → COMPLETED (executor and guardian together)' })
  completePermit(@Arg('input') input: CompletePermitInput, @Ctx() context: SubgraphContext) {
    return new PermitService(context).complete(input);
  }

  @Authorized(...PERMIT_ACTING_ROLES)
  @Mutation(() => WorkPermit, { description: 'COMPLETED → CLOSED (issuer; site checked)' })
  closePermit(@Arg('input') input: ClosePermitInput, @Ctx() context: SubgraphContext) {
    return new PermitService(context).close(input);
  }

  @Authorized(...PERMIT_ACTING_ROLES)
  @Mutation(() => WorkPermit, {
    description:
      'APPROVED/IN_PROGRESS → REVOKED with a reason (approver, guardian, regulator); emits PermitRevoked',
  })
  revokePermit(@Arg('input') input: RevokePermitInput, @Ctx() context: SubgraphContext) {
    return new PermitService(context).revoke(input);
  }

  @Authorized(...UNLICENSED_WORKER_REPORTER_ROLES)
  @Mutation(() => Hazard, {
    description:
      'P-3: a worker without a valid certificate found on a live operation → a government-found hazard; emits UnlicensedWorkerFound against engagedBy',
  })
  reportUnlicensedWorker(@Arg('input') input: ReportUnlicensedWorkerInput, @Ctx() context: SubgraphContext) {
    return new PermitService(context).reportUnlicensedWorker(input);
  }

  @FieldResolver(() => EnterpriseStub, { description: 'The enterprise where the work happens' })
  enterprise(@Root() permit: WorkPermit): EnterpriseStub {
    return { id: permit.enterpriseId };
  }

  @FieldResolver(() => HotWorkLevelAssessmentType, {
    nullable: true,
    description: 'Hot work: the level P-4 gives for the site and the validity (calendar, night hours)',
  })
  hotWorkAssessment(@Root() permit: WorkPermit) {
    return permit.type === 'HOT_WORK' ? hotWorkAssessment(permit) : null;
  }
}

/** What permits add to `Enterprise` (architecture §6), batched across enterprises. */
@Resolver(() => EnterpriseStub)
export class EnterprisePermitsResolver {
  @Authorized()
  @FieldResolver(() => WorkPermitConnection, {
    nullable: true,
    description: 'Work permits of this enterprise in your scope',
  })
  permits(
    @Root() enterprise: EnterpriseStub,
    @Args() args: EnterprisePermitsArgs,
    @Ctx() context: SubgraphContext,
  ) {
    return new PermitService(context).forEnterprise(enterprise.id, args);
  }
}
