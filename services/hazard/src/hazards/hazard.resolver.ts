import { Role } from '@safety/auth';
import type { SubgraphContext } from '@safety/subgraph-kit';
import { Connection, ConnectionArgs, now } from '@safety/subgraph-kit';
import { LocalDateResolver } from 'graphql-scalars';
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
import { MajorHazardCriterion } from '../criteria/criteria.entity.js';
import { CriteriaService } from '../criteria/criteria.service.js';
import { EnterpriseStub } from '../enterprises/enterprise.stub.js';
import { GeoPoint, Hazard, HazardStatusChange } from './hazard.entity.js';
import { HazardGrade } from './hazard.enums.js';
import { HazardLedgerFile } from './hazard.export.js';
import {
  AcceptHazardInput,
  AddHazardEvidenceInput,
  ApproveRectificationPlanInput,
  ConfirmHazardInput,
  EnterpriseHazardsArgs,
  FailAcceptanceInput,
  FixOnSpotInput,
  HazardFilterArgs,
  HazardStatisticsArgs,
  RecordGovernmentFindingInput,
  RecordInterimMeasuresInput,
  RegradeHazardInput,
  RejectHazardInput,
  ReopenHazardInput,
  ReportHazardInput,
  RequestAcceptanceInput,
  StartRectificationInput,
  SubmitHazardInput,
  SubmitRectificationPlanInput,
} from './hazard.inputs.js';
import {
  HAZARD_ENTERPRISE_ROLES,
  HAZARD_HANDLER_ROLES,
  HAZARD_REGULATOR_ROLES,
  HAZARD_REPORTER_ROLES,
  isOverdue,
  resumptionReviewDue,
  suspended,
} from './hazard.rules.js';
import { HazardService } from './hazard.service.js';

const HazardConnection = Connection('Hazard', Hazard);

@ObjectType()
class HazardGradeCount {
  @Field(() => HazardGrade) grade: HazardGrade;
  @Field(() => Int) count: number;
}

@ObjectType({ description: 'One line of the H-7 statistics form' })
class HazardStatisticsLine {
  @Field(() => HazardGrade) grade: HazardGrade;
  @Field(() => Int, { description: 'Registered in the period' }) found: number;
  @Field(() => Int, { description: 'Accepted (rectified) in the period' }) fixed: number;
  @Field(() => Int, { description: 'Not yet accepted at the end of the period' }) open: number;
  @Field(() => Int, { description: 'Open at the end of the period and past the deadline' }) overdue: number;
  @Field(() => Int, { description: 'Under a supervised listing' }) listed: number;
  @Field(() => String, {
    nullable: true,
    description: 'Share of the period’s hazards accepted by its end, percent',
  })
  rectificationRate: string | null;
}

@ObjectType({ description: '隐患排查治理情况统计分析表 (令第16号 第14条), generated from the records' })
class HazardStatisticsForm {
  @Field(() => ID) enterpriseId: string;
  @Field(() => Int) year: number;
  @Field(() => Int, { nullable: true, description: 'null for the annual form' }) quarter: number | null;
  @Field(() => LocalDateResolver) periodStart: string;
  @Field(() => LocalDateResolver) periodEnd: string;
  @Field(() => LocalDateResolver, {
    description: 'Filing due: the 15th after the quarter, 31 January for the year',
  })
  dueDate: string;

  @Field(() => [HazardStatisticsLine]) lines: HazardStatisticsLine[];
  @Field(() => Int) found: number;
  @Field(() => Int) fixed: number;
  @Field(() => Int) open: number;
  @Field(() => Int) overdue: number;
  @Field(() => Int, { description: 'Major hazards under a supervised listing' }) majorListed: number;
}

const ACTING_ROLES = [...HAZARD_ENTERPRISE_ROLES, ...HAZARD_REGULATOR_ROLES];

@Resolver(() => Hazard)
export class HazardResolver {
  @Authorized()
  @Query(() => HazardConnection, { description: 'Hazards in your data scope, newest found first' })
  hazards(
    @Args() filters: HazardFilterArgs,
    @Args() paging: ConnectionArgs,
    @Ctx() context: SubgraphContext,
  ) {
    return new HazardService(context).list({ ...filters, ...paging });
  }

  @Authorized()
  @Query(() => HazardLedgerFile, {
    description:
      '隐患台账 as an Excel workbook: every hazard in your scope matching the filters (up to 20,000), newest first',
  })
  hazardLedgerExport(@Args() filters: HazardFilterArgs, @Ctx() context: SubgraphContext) {
    return new HazardService(context).ledgerExport(filters);
  }

  @Authorized()
  @Query(() => Hazard, { nullable: true, description: 'One hazard, or null if absent or outside your scope' })
  hazard(@Arg('id', () => ID) id: string, @Ctx() context: SubgraphContext) {
    return new HazardService(context).byId(id);
  }

  @Authorized()
  @Query(() => [HazardGradeCount], { description: 'Hazards in your scope by grade' })
  hazardCountsByGrade(@Ctx() context: SubgraphContext) {
    return new HazardService(context).countsByGrade();
  }

  @Authorized()
  @Query(() => HazardStatisticsForm, {
    description: 'H-7: the quarterly (or annual) hazard statistics form of an enterprise in your scope',
  })
  hazardStatistics(@Args() args: HazardStatisticsArgs, @Ctx() context: SubgraphContext) {
    return new HazardService(context).statistics(args);
  }

  @Authorized(...HAZARD_REPORTER_ROLES)
  @Mutation(() => Hazard, {
    description:
      'Reports a hazard (∅ → REPORTED; emits HazardReported). Without a photo and a reason it is kept as a DRAFT (row 1).',
  })
  reportHazard(@Arg('input') input: ReportHazardInput, @Ctx() context: SubgraphContext) {
    return new HazardService(context).report(input);
  }

  @Authorized(...HAZARD_REPORTER_ROLES)
  @Mutation(() => Hazard, { description: 'Row 1: DRAFT → REPORTED with a photo or a reason' })
  submitHazard(@Arg('input') input: SubmitHazardInput, @Ctx() context: SubgraphContext) {
    return new HazardService(context).submit(input);
  }

  @Authorized(...HAZARD_REGULATOR_ROLES)
  @Mutation(() => Hazard, {
    description:
      '∅ → CONFIRMED: an inspection finding or a verified whistleblower report recorded by a regulator',
  })
  recordGovernmentFinding(
    @Arg('input') input: RecordGovernmentFindingInput,
    @Ctx() context: SubgraphContext,
  ) {
    return new HazardService(context).recordGovernmentFinding(input);
  }

  @Authorized(...HAZARD_HANDLER_ROLES)
  @Mutation(() => Hazard, {
    description: 'Rows 2 + 7: fixed on the spot (GENERAL, after-photo), then pending acceptance',
  })
  fixOnSpot(@Arg('input') input: FixOnSpotInput, @Ctx() context: SubgraphContext) {
    return new HazardService(context).fixOnSpot(input);
  }

  @Authorized(...ACTING_ROLES)
  @Mutation(() => Hazard, { description: 'Row 3: REPORTED → CONFIRMED (grade, deadline, assignments)' })
  confirmHazard(@Arg('input') input: ConfirmHazardInput, @Ctx() context: SubgraphContext) {
    return new HazardService(context).confirm(input);
  }

  @Authorized(...ACTING_ROLES)
  @Mutation(() => Hazard, { description: 'Row 4: REPORTED → REJECTED (not a hazard, or a duplicate)' })
  rejectHazard(@Arg('input') input: RejectHazardInput, @Ctx() context: SubgraphContext) {
    return new HazardService(context).reject(input);
  }

  @Authorized(...ACTING_ROLES)
  @Mutation(() => Hazard, {
    description: 'Submits the rectification plan (治理方案); it needs the principal’s approval',
  })
  submitRectificationPlan(
    @Arg('input') input: SubmitRectificationPlanInput,
    @Ctx() context: SubgraphContext,
  ) {
    return new HazardService(context).submitPlan(input);
  }

  @Authorized(Role.ENT_PRINCIPAL, ...HAZARD_REGULATOR_ROLES)
  @Mutation(() => Hazard, { description: 'The enterprise principal approves the rectification plan' })
  approveRectificationPlan(
    @Arg('input') input: ApproveRectificationPlanInput,
    @Ctx() context: SubgraphContext,
  ) {
    return new HazardService(context).approvePlan(input);
  }

  @Authorized(...ACTING_ROLES)
  @Mutation(() => Hazard, {
    description: 'Row 5: CONFIRMED → RECTIFYING (MAJOR: approved plan, interim measures)',
  })
  startRectification(@Arg('input') input: StartRectificationInput, @Ctx() context: SubgraphContext) {
    return new HazardService(context).startRectification(input);
  }

  @Authorized(...ACTING_ROLES)
  @Mutation(() => Hazard, {
    description: 'Replaces the interim measures in force (suspension decides row 6)',
  })
  recordInterimMeasures(@Arg('input') input: RecordInterimMeasuresInput, @Ctx() context: SubgraphContext) {
    return new HazardService(context).recordInterimMeasures(input);
  }

  @Authorized(...HAZARD_HANDLER_ROLES)
  @Mutation(() => Hazard, { description: 'Attaches evidence files (e.g. the workers’ congress report, H-3)' })
  addHazardEvidence(@Arg('input') input: AddHazardEvidenceInput, @Ctx() context: SubgraphContext) {
    return new HazardService(context).addEvidence(input);
  }

  @Authorized(...ACTING_ROLES)
  @Mutation(() => Hazard, {
    description: 'Row 6: RECTIFYING → PENDING_ACCEPTANCE with the evidence required',
  })
  requestAcceptance(@Arg('input') input: RequestAcceptanceInput, @Ctx() context: SubgraphContext) {
    return new HazardService(context).requestAcceptance(input);
  }

  @Authorized(...ACTING_ROLES)
  @Mutation(() => Hazard, {
    description: 'Rows 8 + 10: accepted per tier (H-1); closed at once unless listed',
  })
  acceptHazard(@Arg('input') input: AcceptHazardInput, @Ctx() context: SubgraphContext) {
    return new HazardService(context).accept(input);
  }

  @Authorized(...ACTING_ROLES)
  @Mutation(() => Hazard, { description: 'Row 9: failed acceptance, back to RECTIFYING with a reason' })
  failAcceptance(@Arg('input') input: FailAcceptanceInput, @Ctx() context: SubgraphContext) {
    return new HazardService(context).failAcceptance(input);
  }

  @Authorized(...HAZARD_REGULATOR_ROLES)
  @Mutation(() => Hazard, { description: 'Row 11: re-grade GENERAL ↔ MAJOR with a reason (→ CONFIRMED)' })
  regradeHazard(@Arg('input') input: RegradeHazardInput, @Ctx() context: SubgraphContext) {
    return new HazardService(context).regrade(input);
  }

  @Authorized(...HAZARD_REGULATOR_ROLES)
  @Mutation(() => Hazard, { description: 'Row 12: CLOSED → REOPENED → RECTIFYING within 30 days of closing' })
  reopenHazard(@Arg('input') input: ReopenHazardInput, @Ctx() context: SubgraphContext) {
    return new HazardService(context).reopen(input);
  }

  @FieldResolver(() => Boolean, { description: 'Past its deadline and not yet accepted, closed or rejected' })
  overdue(@Root() hazard: Hazard): boolean {
    return isOverdue(hazard, now());
  }

  @FieldResolver(() => EnterpriseStub, { nullable: true, description: 'The enterprise where it was found' })
  enterprise(@Root() hazard: Hazard): EnterpriseStub | null {
    return hazard.enterpriseId ? { id: hazard.enterpriseId } : null;
  }

  @FieldResolver(() => GeoPoint, { nullable: true })
  geo(@Root() hazard: Hazard): GeoPoint | null {
    return hazard.longitude === null || hazard.latitude === null
      ? null
      : { longitude: hazard.longitude, latitude: hazard.latitude };
  }

  @FieldResolver(() => Boolean, { description: 'The rectification plan is approved by the principal' })
  planApproved(@Root() hazard: Hazard): boolean {
    return Boolean(hazard.plan?.approvedAt);
  }

  @FieldResolver(() => Boolean, { description: 'Interim measures suspend production (fully or partly)' })
  suspended(@Root() hazard: Hazard): boolean {
    return suspended(hazard.interimMeasures);
  }

  @FieldResolver(() => LocalDateResolver, {
    nullable: true,
    description: 'The regulator reviews the resumption application by this day (令第16号 第23条)',
  })
  resumptionReviewDue(@Root() hazard: Hazard): string | null {
    return resumptionReviewDue(hazard.resumptionAppliedAt);
  }

  @FieldResolver(() => Hazard, {
    nullable: true,
    description: 'H-6: the earlier closed hazard this one repeats',
  })
  repeatOf(@Root() hazard: Hazard, @Ctx() context: SubgraphContext) {
    return hazard.repeatOfId ? new HazardService(context).byId(hazard.repeatOfId) : null;
  }

  @FieldResolver(() => MajorHazardCriterion, {
    nullable: true,
    description: 'The determination criterion cited (domain §5.7.1), from the catalogue',
  })
  criterion(@Root() hazard: Hazard, @Ctx() context: SubgraphContext) {
    return hazard.criterionId ? new CriteriaService(context).byId(hazard.criterionId) : null;
  }

  @FieldResolver(() => [HazardStatusChange], { description: 'The status timeline, oldest first' })
  history(@Root() hazard: Hazard, @Ctx() context: SubgraphContext) {
    return new HazardService(context).history(hazard.id);
  }
}

/** What this service adds to `Enterprise` (architecture §6), batched across enterprises. */
@Resolver(() => EnterpriseStub)
export class EnterpriseHazardsResolver {
  @Authorized()
  @FieldResolver(() => HazardConnection, {
    nullable: true,
    description: 'Hazards of this enterprise in your scope',
  })
  hazards(
    @Root() enterprise: EnterpriseStub,
    @Args() args: EnterpriseHazardsArgs,
    @Ctx() context: SubgraphContext,
  ) {
    return new HazardService(context).forEnterprise(enterprise.id, args);
  }

  @Authorized()
  @FieldResolver(() => Int, { nullable: true, description: 'Hazards not yet accepted, closed or rejected' })
  openHazardCount(@Root() enterprise: EnterpriseStub, @Ctx() context: SubgraphContext) {
    return new HazardService(context).openCount(enterprise.id);
  }
}
