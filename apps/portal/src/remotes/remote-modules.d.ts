// Module Federation remotes, resolved at run time from their remoteEntry.js (see vite.config.ts).
declare module 'supervision/routes' {
  import type { ApolloClient } from '@apollo/client';
  import type { addSafetyResources } from '@safety/ui';
  import type { ComponentType } from 'react';

  /** Mirrors SupervisionRoutesProps in apps/supervision/src/routes.tsx. */
  export interface SupervisionRoutesProps {
    basePath: string;
    client?: ApolloClient;
    i18n?: Parameters<typeof addSafetyResources>[0];
  }
  const SupervisionRoutes: ComponentType<SupervisionRoutesProps>;
  export default SupervisionRoutes;
}
