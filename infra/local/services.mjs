// The local layout of the platform: one process per service, fixed loopback ports.
// The embedded start auto-approves breaking publishes (nobody is blocked by their own local
// registry); a rollback's pin still holds them until an admin unpins.
export const REGISTRY = {
  name: 'registry',
  dir: 'services/registry',
  port: 4001,
  env: { REGISTRY_AUTO_APPROVE: '1' },
};
export const SUBGRAPHS = [
  { name: 'responsibility', dir: 'services/responsibility', port: 4101, title: '全面责任体系' },
  { name: 'hazard', dir: 'services/hazard', port: 4102, title: '隐患排查体系' },
  { name: 'supervision', dir: 'services/supervision', port: 4103, title: '监督管理体系' },
  { name: 'training', dir: 'services/training', port: 4104, title: '宣传培训体系' },
  { name: 'emergency', dir: 'services/emergency', port: 4105, title: '应急救援体系' },
];
export const GATEWAY = { name: 'gateway', dir: 'services/gateway', port: 4000 };
/**
 * The department apps: each runs alone on its dev port and, once built, is served at /apps/<name>/
 * where the portal fetches its remoteEntry.js (infra/local/static-server.mjs). `admin` (平台管理)
 * reads the schema registry through the static server's `/registry/*` proxy.
 */
export const DEPARTMENT_APPS = [
  { name: 'responsibility', port: 5101, title: '全面责任体系' },
  { name: 'hazard', port: 5102, title: '隐患排查体系' },
  { name: 'supervision', port: 5103, title: '监督管理体系' },
  { name: 'training', port: 5104, title: '宣传培训体系' },
  { name: 'emergency', port: 5105, title: '应急救援体系' },
  { name: 'admin', port: 5106, title: '平台管理' },
];
/** The built apps and /graphql on one origin (infra/local/static-server.mjs); WEB_PORT overrides. */
export const WEB = { name: 'web', port: Number(process.env.WEB_PORT ?? 5000) };

/** The query the smoke test and the start banner use: one Enterprise, a field from each subgraph. */
export const FEDERATED_QUERY = `query Profile {
  enterprises(first: 1, search: "红沙岗煤化工") {
    nodes {
      name townshipName supervisionClass
      regulators { name }
      hazards(first: 3) { totalCount nodes { code grade status } }
      certificates(first: 3) { totalCount }
      emergencyPlans(first: 3) { totalCount }
    }
  }
}`;
