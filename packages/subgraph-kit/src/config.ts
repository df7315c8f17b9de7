import path from 'node:path';

/** Settings a subgraph reads from its environment; every one has a local default. */
export interface SubgraphConfig {
  port: number;
  host: string;
  /** Explicit database URL for this service. */
  databaseUrl: string | undefined;
  /** A PostgreSQL server URL; the service uses database `safety_<name>` on it, created if missing. */
  databaseServerUrl: string | undefined;
  /** Where embedded PGlite keeps its files when no server is given. */
  dataDir: string;
  registryUrl: string | undefined;
  /** The registry's write secret, presented when publishing the schema (`REGISTRY_WRITE_TOKEN`). */
  registryWriteToken: string | undefined;
  /** Base URL of the account service (responsibility): JWKS, revocations, service tokens. */
  authUrl: string | undefined;
  /** Shared secret a service presents to obtain its SERVICE token. */
  serviceSecret: string | undefined;
  /** The URL others use to reach this service (defaults to http://host:port). */
  publicUrl: string | undefined;
}

export function readConfig(name: string, defaults: { port: number }): SubgraphConfig {
  const env = process.env;
  const prefix = name.toUpperCase();
  return {
    port: Number(env[`${prefix}_PORT`] ?? env.PORT ?? defaults.port),
    host: env.HOST ?? '127.0.0.1',
    databaseUrl: env[`${prefix}_DATABASE_URL`] ?? env.DATABASE_URL,
    databaseServerUrl: env.DATABASE_SERVER_URL,
    dataDir: path.resolve(env.DATA_DIR ?? '.data', name),
    registryUrl: env.REGISTRY_URL,
    registryWriteToken: env.REGISTRY_WRITE_TOKEN,
    authUrl: env.AUTH_URL,
    serviceSecret: env.SERVICE_SECRET,
    publicUrl: env[`${prefix}_PUBLIC_URL`],
  };
}
