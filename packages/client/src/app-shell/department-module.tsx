import type { ApolloClient } from '@apollo/client';
import { ApolloProvider } from '@apollo/client/react';
import { addSafetyResources, type SafetyResources } from '@safety/ui';
import { type ReactNode, useMemo } from 'react';

type SafetyI18n = Parameters<typeof addSafetyResources>[0];

/** What the portal passes to every remote's exposed `./routes` component. */
export interface DepartmentRoutesProps {
  /** Where the host mounts the module, e.g. `/hazard` (the standalone app: `/`). */
  basePath: string;
  /** The host's Apollo Client (one client, one session); default: the ApolloProvider above. */
  client?: ApolloClient;
  /** The host's i18next instance: the module adds its namespace to it. */
  i18n?: SafetyI18n;
}

export interface DepartmentModuleProps extends Omit<DepartmentRoutesProps, 'basePath'> {
  /** The module's strings (one namespace, zh-CN and en). */
  resources: SafetyResources;
  children: ReactNode;
}

/** Wraps a module's routes: registers its strings with the host's i18n and uses the host's client. */
export function DepartmentModule({ client, i18n, resources, children }: DepartmentModuleProps) {
  // Added before the pages render, so their first render already has the strings.
  useMemo(() => {
    if (i18n) addSafetyResources(i18n, resources);
  }, [i18n, resources]);
  return client ? <ApolloProvider client={client}>{children}</ApolloProvider> : children;
}
