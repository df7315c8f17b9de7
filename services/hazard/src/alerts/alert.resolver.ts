import { Role } from '@safety/auth';
import { Connection, type SubgraphContext } from '@safety/subgraph-kit';
import { Arg, Args, Authorized, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import { EnterpriseStub } from '../enterprises/enterprise.stub.js';
import { Hazard } from '../hazards/hazard.entity.js';
import { HAZARD_REGULATOR_ROLES } from '../hazards/hazard.rules.js';
import { HazardService } from '../hazards/hazard.service.js';
import { MonitoringAlert } from './alert.entity.js';
import {
  AcknowledgeMonitoringAlertInput,
  CloseMonitoringAlertInput,
  ConvertAlertToHazardInput,
  DisposeMonitoringAlertInput,
  EnterpriseMonitoringAlertsArgs,
  MonitoringAlertListArgs,
  ReceiveMonitoringAlertInput,
} from './alert.inputs.js';
import { ALERT_ENTERPRISE_ROLES } from './alert.rules.js';
import { MonitoringAlertService } from './alert.service.js';

const MonitoringAlertConnection = Connection('MonitoringAlert', MonitoringAlert);
const HANDLERS = [...ALERT_ENTERPRISE_ROLES, ...HAZARD_REGULATOR_ROLES];

@Resolver(() => MonitoringAlert)
export class MonitoringAlertResolver {
  @Authorized()
  @Query(() => MonitoringAlertConnection, {
    description: 'Monitoring alerts in your data scope, newest first',
  })
  monitoringAlerts(@Args() args: MonitoringAlertListArgs, @Ctx() context: SubgraphContext) {
    return new MonitoringAlertService(context).list(args);
  }

  @Authorized()
  @Query(() => MonitoringAlert, {
    nullable: true,
    description: 'One alert, or null if absent or outside your scope',
  })
  monitoringAlert(@Arg('id', () => ID) id: string, @Ctx() context: SubgraphContext) {
    return new MonitoringAlertService(context).byId(id);
  }

  @Authorized(Role.INTEGRATOR)
  @Mutation(() => MonitoringAlert, {
    description: 'An integrator delivers an alarm; idempotent by sourceSystem + sensorRef + startedAt',
  })
  receiveMonitoringAlert(@Arg('input') input: ReceiveMonitoringAlertInput, @Ctx() context: SubgraphContext) {
    return new MonitoringAlertService(context).receive(input);
  }

  @Authorized(...HANDLERS)
  @Mutation(() => MonitoringAlert, {
    description: 'OPEN → ACKNOWLEDGED by the enterprise (an ESCALATED alert also by its regulator)',
  })
  acknowledgeMonitoringAlert(
    @Arg('input') input: AcknowledgeMonitoringAlertInput,
    @Ctx() context: SubgraphContext,
  ) {
    return new MonitoringAlertService(context).acknowledge(input);
  }

  @Authorized(...HANDLERS)
  @Mutation(() => MonitoringAlert, { description: 'ACKNOWLEDGED → DISPOSED with what was done' })
  disposeMonitoringAlert(@Arg('input') input: DisposeMonitoringAlertInput, @Ctx() context: SubgraphContext) {
    return new MonitoringAlertService(context).dispose(input);
  }

  @Authorized(...HANDLERS)
  @Mutation(() => MonitoringAlert, { description: 'DISPOSED → CLOSED' })
  closeMonitoringAlert(@Arg('input') input: CloseMonitoringAlertInput, @Ctx() context: SubgraphContext) {
    return new MonitoringAlertService(context).close(input);
  }

  @Authorized(...HAZARD_REGULATOR_ROLES)
  @Mutation(() => MonitoringAlert, {
    description: 'Online patrol (线上巡查): turns an alert into a hazard (source MONITORING_ALERT), once',
  })
  convertAlertToHazard(@Arg('input') input: ConvertAlertToHazardInput, @Ctx() context: SubgraphContext) {
    return new MonitoringAlertService(context).convert(input);
  }

  @FieldResolver(() => EnterpriseStub)
  enterprise(@Root() alert: MonitoringAlert): EnterpriseStub {
    return { id: alert.enterpriseId };
  }

  @FieldResolver(() => Hazard, {
    nullable: true,
    description: 'The hazard it was converted into (if in your scope)',
  })
  hazard(@Root() alert: MonitoringAlert, @Ctx() context: SubgraphContext) {
    return alert.hazardId ? new HazardService(context).byId(alert.hazardId) : null;
  }
}

/** What monitoring alerts add to `Enterprise`, batched across enterprises. */
@Resolver(() => EnterpriseStub)
export class EnterpriseMonitoringAlertsResolver {
  @Authorized()
  @FieldResolver(() => MonitoringAlertConnection, {
    nullable: true,
    description: 'Monitoring alerts in your scope',
  })
  monitoringAlerts(
    @Root() enterprise: EnterpriseStub,
    @Args() args: EnterpriseMonitoringAlertsArgs,
    @Ctx() context: SubgraphContext,
  ) {
    return new MonitoringAlertService(context).forEnterprise(enterprise.id, args);
  }
}
