import { federation } from '@module-federation/vite';
import react from '@vitejs/plugin-react';
import { defaultClientConditions, defineConfig } from 'vite';

/** Shared singletons with the remotes (architecture §8): one React, one antd, one Apollo, one @safety/ui. */
const singleton = { singleton: true } as const;

/**
 * Where the browser fetches each remote's entry at run time. Default: the same origin, as
 * infra/local/static-server.mjs serves apps/<name>/dist at /apps/<name>/; override per deployment
 * at build time, e.g. SUPERVISION_REMOTE_ENTRY=https://cdn.example/supervision/remoteEntry.js.
 */
const remoteEntry = (name: string) =>
  process.env[`${name.toUpperCase()}_REMOTE_ENTRY`] ?? `/apps/${name}/remoteEntry.js`;

export default defineConfig(({ command }) => ({
  base: '/',
  plugins: [
    react(),
    federation({
      name: 'portal',
      remotes: {
        supervision: {
          type: 'module',
          name: 'supervision',
          entry: remoteEntry('supervision'),
          entryGlobalName: 'supervision',
          shareScope: 'default',
        },
      },
      shared: {
        react: singleton,
        'react-dom': singleton,
        'react-router': singleton,
        antd: singleton,
        '@apollo/client': singleton,
        '@apollo/client/react': singleton,
        '@safety/ui': singleton,
        '@safety/client': singleton,
      },
      dts: false,
    }),
  ],
  // Dev resolves workspace packages to src/ (architecture §4); spreading keeps Vite's own conditions.
  resolve: {
    conditions: command === 'build' ? [...defaultClientConditions] : ['source', ...defaultClientConditions],
  },
  server: { port: 5100, strictPort: true, proxy: { '/graphql': 'http://127.0.0.1:4000' } },
  preview: { port: 5100, strictPort: true, proxy: { '/graphql': 'http://127.0.0.1:4000' } },
  build: { target: 'es2022' },
}));
