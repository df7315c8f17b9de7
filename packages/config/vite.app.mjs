import { federation } from '@module-federation/vite';
import react from '@vitejs/plugin-react';
import { defaultClientConditions, defineConfig } from 'vite';

/** Shared singletons of the portal and every remote (architecture §8): one React, one antd, one Apollo, one @safety/ui. */
export const SHARED_SINGLETONS = Object.fromEntries(
  [
    'react',
    'react-dom',
    'react-router',
    'antd',
    '@apollo/client',
    '@apollo/client/react',
    '@safety/ui',
    '@safety/client',
  ].map((name) => [name, { singleton: true }]),
);

/**
 * The build options of the portal and every app. Chunks of our workspace packages are named after
 * them (`safety-ui-<hash>.js`, `safety-ui-echarts-<hash>.js`, not `dist-<hash>.js`), so bench/web-budget.mjs and a reader of
 * `dist/` can tell a shared singleton's fallback from the app's own code.
 */
export const APP_BUILD = {
  target: 'es2022',
  rolldownOptions: {
    output: {
      chunkFileNames: (chunk) => {
        const workspace = /\/packages\/([\w-]+)\/dist\/(?:.+\/)?([\w-]+)\.js$/.exec(
          chunk.facadeModuleId ?? '',
        );
        if (!workspace) return 'assets/[name]-[hash].js';
        const [, pkg, file] = workspace;
        return `assets/safety-${pkg}${file === 'index' ? '' : `-${file}`}-[hash].js`;
      },
    },
  },
};

/** Where `vite` and `vite preview` send `/graphql`: the gateway of infra/local/start.mjs. */
const GATEWAY_PROXY = { '/graphql': 'http://127.0.0.1:4000' };

/** Dev resolves workspace packages to src/ (architecture §4); spreading keeps Vite's own conditions. */
export const resolveConditions = (command) =>
  command === 'build' ? [...defaultClientConditions] : ['source', ...defaultClientConditions];

/**
 * The Vite config of a department app: standalone on its own dev port and a Module Federation
 * remote named `name` (entry `remoteEntry.js`), served at `/apps/<name>/` by
 * infra/local/static-server.mjs once built.
 */
export function departmentAppConfig({ name, port, exposes = { './routes': './src/routes.tsx' } }) {
  return defineConfig(({ command }) => ({
    base: command === 'build' ? `/apps/${name}/` : '/',
    plugins: [
      react(),
      federation({ name, filename: 'remoteEntry.js', exposes, shared: SHARED_SINGLETONS, dts: false }),
    ],
    resolve: { conditions: resolveConditions(command) },
    server: { port, strictPort: true, proxy: GATEWAY_PROXY },
    preview: { port, strictPort: true, proxy: GATEWAY_PROXY },
    build: APP_BUILD,
  }));
}
