import { federation } from '@module-federation/vite';
import react from '@vitejs/plugin-react';
import { defaultClientConditions, defineConfig } from 'vite';

/** Shared singletons with the portal (architecture §8): one React, one antd, one Apollo, one @safety/ui. */
const singleton = { singleton: true } as const;

export default defineConfig(({ command }) => ({
  // Served at /apps/supervision/ by infra/local/static-server.mjs; dev runs at the root.
  base: command === 'build' ? '/apps/supervision/' : '/',
  plugins: [
    react(),
    federation({
      name: 'supervision',
      filename: 'remoteEntry.js',
      exposes: { './routes': './src/routes.tsx' },
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
  server: { port: 5103, strictPort: true, proxy: { '/graphql': 'http://127.0.0.1:4000' } },
  preview: { port: 5103, strictPort: true, proxy: { '/graphql': 'http://127.0.0.1:4000' } },
  build: { target: 'es2022' },
}));
