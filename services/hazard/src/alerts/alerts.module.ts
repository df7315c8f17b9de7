import type { SubgraphModule } from '@safety/subgraph-kit';
import { MonitoringAlert } from './alert.entity.js';
import { EnterpriseMonitoringAlertsResolver, MonitoringAlertResolver } from './alert.resolver.js';
import { seedMonitoringAlerts } from './alert.seed.js';
import { MonitoringAlertService, sweepUnacknowledgedAlerts } from './alert.service.js';
import { MonitoringAlerts1764450200000 } from './migrations/1764450200000-monitoring-alerts.js';

/** Domain §5.13: monitoring alerts from integrators, their handling, escalation and conversion. */
export const alertsModule: SubgraphModule = {
  name: 'alerts',
  resolvers: [MonitoringAlertResolver, EnterpriseMonitoringAlertsResolver],
  entities: [MonitoringAlert],
  migrations: [MonitoringAlerts1764450200000],
  references: { MonitoringAlert: (ids, context) => new MonitoringAlertService(context).byIds(ids) },
  jobs: [
    // Every minute: the 30-minute acknowledgement window is short.
    {
      name: 'monitoring-alert-escalation',
      cron: '* * * * *',
      run: (runtime) => sweepUnacknowledgedAlerts(runtime),
    },
  ],
  seed: seedMonitoringAlerts,
};
