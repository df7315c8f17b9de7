import { Role } from '@safety/auth';
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
import { HAZARD_ENTERPRISE_ROLES } from '../hazards/hazard.rules.js';
import { MajorHazardSourceGrade } from '../major-hazard-sources/major-hazard-source.enums.js';
import { ControlLevel, RiskLevel, RiskMethod } from './risk.enums.js';
import {
  AssessRiskInput,
  CreateRiskPointInput,
  EnterpriseRiskPointsArgs,
  RetireRiskPointInput,
  RiskPointListArgs,
  UpdateRiskPointInput,
} from './risk.inputs.js';
import { RISK_CRITERIA_PROFILES } from './risk.profiles.js';
import { criteriaVersionOf, defaultControlLevel } from './risk.rules.js';
import { RiskService } from './risk.service.js';
import { LEC_C_VALUES, LEC_E_VALUES, LEC_L_VALUES } from './risk.tables.js';
import { RiskAssessment, RiskAssessmentInputValues, RiskPoint } from './risk-point.entity.js';

const RiskPointConnection = Connection('RiskPoint', RiskPoint);

/** Who identifies and assesses risks: enterprise management, and regulators for public areas (domain §5.1). */
export const RISK_EDITOR_ROLES: Role[] = [
  ...HAZARD_ENTERPRISE_ROLES,
  Role.SAC_OFFICE,
  Role.EMB_STAFF,
  Role.INDUSTRY_REGULATOR,
  Role.TOWNSHIP_OFFICER,
];

@ObjectType({ description: 'One enterprise on the county four-colour map' })
class RiskMapEnterprise {
  @Field(() => ID) enterpriseId: string;
  @Field(() => EnterpriseStub) enterprise: EnterpriseStub;
  @Field() townshipCode: string;
  @Field() industryCode: string;
  @Field(() => RiskLevel, { nullable: true, description: 'null = not yet assessed' })
  riskLevel: RiskLevel | null;
  @Field(() => Int) riskPointCount: number;
  @Field(() => MajorHazardSourceGrade, {
    nullable: true,
    description: 'Most severe grade of its major hazard sources (map layer); null = none',
  })
  majorHazardSourceGrade: MajorHazardSourceGrade | null;
}

@ObjectType({ description: 'Enterprises of one town by risk level' })
class RiskMapTownCount {
  @Field() townshipCode: string;
  @Field(() => Int) major: number;
  @Field(() => Int) high: number;
  @Field(() => Int) moderate: number;
  @Field(() => Int) low: number;
  @Field(() => Int) unassessed: number;
}

@ObjectType({ description: '全县风险四色分布图' })
class RiskMap {
  @Field(() => [RiskMapEnterprise]) enterprises: RiskMapEnterprise[];
  @Field(() => [RiskMapTownCount]) byTown: RiskMapTownCount[];
}

@ObjectType({ description: '企业风险四色分布图' })
class EnterpriseRiskMap {
  @Field(() => ID) enterpriseId: string;
  @Field(() => [RiskPoint]) points: RiskPoint[];
}

@ObjectType({ description: 'An LEC band of a profile' })
class LecBandInfo {
  @Field(() => Int) band: number;
  @Field({ description: 'Lower bound (band 1: strictly above it)' }) threshold: string;
  @Field() wording: string;
  @Field(() => RiskLevel) level: RiskLevel;
}

@ObjectType({ description: 'A risk-matrix band: R ≥ minScore' })
class MatrixBandInfo {
  @Field(() => Int) minScore: number;
  @Field(() => RiskLevel) level: RiskLevel;
}

@ObjectType({ description: 'One value of an LEC factor table with its classic wording (domain §5.2 a)' })
class LecFactorOption {
  @Field({ description: 'Exact decimal, e.g. 0.5' })
  value: string;

  @Field()
  labelZh: string;
}

@ObjectType({ description: 'The LEC value tables, for a calculator that offers only allowed values' })
class LecFactorTables {
  @Field(() => [LecFactorOption], { description: 'L likelihood' })
  likelihood: LecFactorOption[];

  @Field(() => [LecFactorOption], { description: 'E exposure' })
  exposure: LecFactorOption[];

  @Field(() => [LecFactorOption], { description: 'C consequence' })
  consequence: LecFactorOption[];
}

@ObjectType({ description: '风险评估准则 (versioned, read-only)' })
class RiskCriteriaProfileInfo {
  @Field() id: string;
  @Field(() => Int) version: number;
  @Field({ description: 'What assessments record, e.g. DEFAULT-LEC@1' }) criteriaVersion: string;
  @Field(() => RiskMethod) method: RiskMethod;
  @Field() effectiveFrom: string;
  @Field(() => String, { nullable: true }) effectiveTo: string | null;
  @Field(() => [String], { nullable: true, description: 'null = every industry (fallback)' })
  industryCodes: string[] | null;

  @Field(() => [LecBandInfo]) lecBands: LecBandInfo[];
  @Field(() => [MatrixBandInfo]) matrixBands: MatrixBandInfo[];
  @Field(() => [String], { description: 'Matrix likelihood descriptors 1–5' }) matrixLikelihood: string[];
  @Field(() => [String], { description: 'Matrix severity descriptors 1–5' }) matrixSeverity: string[];
}

function profileInfo(): RiskCriteriaProfileInfo[] {
  return RISK_CRITERIA_PROFILES.map((p) => {
    const lecBands =
      p.method === 'LEC'
        ? ([1, 2, 3, 4, 5] as const).map((band) => ({
            band,
            threshold: [
              p.lecBands.band1Above,
              p.lecBands.band2From,
              p.lecBands.band3From,
              p.lecBands.band4From,
              '0',
            ][band - 1]!,
            wording: p.lecBands.wording[band],
            level: p.lecBands.levels[band],
          }))
        : [];
    return {
      id: p.id,
      version: p.version,
      criteriaVersion: criteriaVersionOf(p),
      method: p.method,
      effectiveFrom: p.effectiveFrom,
      effectiveTo: p.effectiveTo,
      industryCodes: p.industryCodes === 'ALL' ? null : [...p.industryCodes],
      lecBands,
      matrixBands: p.method === 'MATRIX' ? p.matrixBands.map((b) => ({ ...b })) : [],
      matrixLikelihood:
        p.method === 'MATRIX' ? ([1, 2, 3, 4, 5] as const).map((v) => p.matrixDescriptors.likelihood[v]) : [],
      matrixSeverity:
        p.method === 'MATRIX' ? ([1, 2, 3, 4, 5] as const).map((v) => p.matrixDescriptors.severity[v]) : [],
    };
  });
}

@Resolver(() => RiskPoint)
export class RiskPointResolver {
  @Authorized()
  @Query(() => RiskPointConnection, { description: 'Risk points in your data scope, newest first' })
  riskPoints(@Args() args: RiskPointListArgs, @Ctx() context: SubgraphContext) {
    return new RiskService(context).list(args);
  }

  @Authorized()
  @Query(() => RiskPoint, {
    nullable: true,
    description: 'One risk point, or null if absent or outside your scope',
  })
  riskPoint(@Arg('id', () => ID) id: string, @Ctx() context: SubgraphContext) {
    return new RiskService(context).byId(id);
  }

  @Authorized()
  @Query(() => RiskMap, {
    description: 'County four-colour map: enterprises in scope with level and town (domain §5.3)',
  })
  riskMap(
    @Ctx() context: SubgraphContext,
    @Arg('townshipCode', () => String, { nullable: true }) townshipCode?: string,
    @Arg('industryCode', () => String, { nullable: true }) industryCode?: string,
  ) {
    return new RiskService(context).riskMap({ townshipCode, industryCode }).then((map) => ({
      ...map,
      enterprises: map.enterprises.map((e) => ({ ...e, enterprise: { id: e.enterpriseId } })),
    }));
  }

  @Authorized()
  @Query(() => EnterpriseRiskMap, {
    nullable: true,
    description: 'Enterprise four-colour map: its risk points with polygons and levels; null out of scope',
  })
  enterpriseRiskMap(@Arg('enterpriseId', () => ID) enterpriseId: string, @Ctx() context: SubgraphContext) {
    return new RiskService(context).enterpriseRiskMap(enterpriseId);
  }

  @Authorized()
  @Query(() => LecFactorTables, { description: 'The LEC value tables (domain §5.2 a)' })
  lecFactorTables(): LecFactorTables {
    const options = (values: readonly { value: string; labelZh: string }[]) =>
      values.map(({ value, labelZh }) => ({ value, labelZh }));
    return {
      likelihood: options(LEC_L_VALUES),
      exposure: options(LEC_E_VALUES),
      consequence: options(LEC_C_VALUES),
    };
  }

  @Authorized()
  @Query(() => [RiskCriteriaProfileInfo], { description: 'The versioned risk criteria profiles (read-only)' })
  riskCriteriaProfiles(): RiskCriteriaProfileInfo[] {
    return profileInfo();
  }

  @Authorized(...RISK_EDITOR_ROLES)
  @Mutation(() => RiskPoint, { description: 'Identifies a risk point (风险辨识)' })
  createRiskPoint(@Arg('input') input: CreateRiskPointInput, @Ctx() context: SubgraphContext) {
    return new RiskService(context).create(input);
  }

  @Authorized(...RISK_EDITOR_ROLES)
  @Mutation(() => RiskPoint, { description: 'Changes a risk point (optimistic version)' })
  updateRiskPoint(@Arg('input') input: UpdateRiskPointInput, @Ctx() context: SubgraphContext) {
    return new RiskService(context).update(input);
  }

  @Authorized(...RISK_EDITOR_ROLES)
  @Mutation(() => RiskPoint, {
    description:
      'Assesses a risk point (LEC or matrix per the profile); sets its level and the enterprise level',
  })
  assessRisk(@Arg('input') input: AssessRiskInput, @Ctx() context: SubgraphContext) {
    return new RiskService(context).assess(input);
  }

  @Authorized(...RISK_EDITOR_ROLES)
  @Mutation(() => RiskPoint, { description: 'Retires a risk point that no longer exists' })
  retireRiskPoint(@Arg('input') input: RetireRiskPointInput, @Ctx() context: SubgraphContext) {
    return new RiskService(context).retire(input);
  }

  @FieldResolver(() => EnterpriseStub, { nullable: true })
  enterprise(@Root() point: RiskPoint): EnterpriseStub | null {
    return point.enterpriseId ? { id: point.enterpriseId } : null;
  }

  @FieldResolver(() => RiskAssessment, { nullable: true })
  currentAssessment(@Root() point: RiskPoint, @Ctx() context: SubgraphContext) {
    return point.currentAssessmentId ? new RiskService(context).assessment(point.currentAssessmentId) : null;
  }

  @FieldResolver(() => [RiskAssessment], { description: 'Assessments, newest first' })
  assessments(@Root() point: RiskPoint, @Ctx() context: SubgraphContext) {
    return new RiskService(context).assessments(point.id);
  }

  @FieldResolver(() => ControlLevel, { nullable: true, description: 'Default control level for the level' })
  defaultControlLevel(@Root() point: RiskPoint): ControlLevel | null {
    return point.riskLevel ? defaultControlLevel(point.riskLevel) : null;
  }

  @FieldResolver(() => Boolean, {
    description: 'Re-assessment due (never assessed, or the review day has come)',
  })
  reviewDue(@Root() point: RiskPoint): boolean {
    return (
      point.retiredAt === null && (point.nextReviewDue === null || point.nextReviewDue <= localDate(now()))
    );
  }
}

@Resolver(() => RiskAssessment)
export class RiskAssessmentResolver {
  @FieldResolver(() => RiskAssessmentInputValues)
  inputs(@Root() assessment: RiskAssessment): RiskAssessmentInputValues {
    const value = (key: string) =>
      assessment.inputs[key] === undefined ? null : String(assessment.inputs[key]);
    return { l: String(assessment.inputs.l), e: value('e'), c: value('c'), s: value('s') };
  }
}

/** What risk adds to `Enterprise` (architecture §6), batched across enterprises. */
@Resolver(() => EnterpriseStub)
export class EnterpriseRiskResolver {
  @Authorized()
  @FieldResolver(() => RiskLevel, {
    nullable: true,
    description:
      'Enterprise risk level (domain §5.2): max of its points, raised while a major hazard is overdue',
  })
  async riskLevel(@Root() enterprise: EnterpriseStub, @Ctx() context: SubgraphContext) {
    return (await new RiskService(context).enterpriseLevel(enterprise.id))?.level ?? null;
  }

  @Authorized()
  @FieldResolver(() => RiskPointConnection, {
    nullable: true,
    description: 'Current risk points in your scope',
  })
  riskPoints(
    @Root() enterprise: EnterpriseStub,
    @Args() args: EnterpriseRiskPointsArgs,
    @Ctx() context: SubgraphContext,
  ) {
    return new RiskService(context).forEnterprise(enterprise.id, args);
  }

  @Authorized()
  @FieldResolver(() => Int, { nullable: true, description: 'Current (not retired) risk points' })
  riskPointCount(@Root() enterprise: EnterpriseStub, @Ctx() context: SubgraphContext) {
    return new RiskService(context).countForEnterprise(enterprise.id);
  }
}
