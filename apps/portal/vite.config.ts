import { federation } from '@module-federation/vite';
import { APP_BUILD, resolveConditions, SHARED_SINGLETONS } from '@safety/config/vite-app';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

/** The department apps the portal loads at run time, each exposing `./routes` (architecture §8). */
const DEPARTMENT_REMOTES = [
  'responsibility',
  'hazard',
  'supervision',
  'training',
  'emergency',
  'admin',
] as const;

/**
 * Where the browser fetches each remote's entry at run time. Default: the same origin, as
 * infra/local/static-server.mjs serves apps/<name>/dist at /apps/<name>/; override per deployment
 * at build time, e.g. HAZARD_REMOTE_ENTRY=https://cdn.example/hazard/remoteEntry.js.
 */
const remoteEntry = (name: string) =>
  process.env[`${name.toUpperCase()}_REMOTE_ENTRY`] ?? `/apps/${name}/remoteEntry.js`;

export default defineConfig(({ command }) => ({
  base: '/',
  plugins: [
    react(),
    federation({
      name: 'portal',
      remotes: Object.fromEntries(
        DEPARTMENT_REMOTES.map((name) => [
          name,
          { type: 'module', name, entry: remoteEntry(name), entryGlobalName: name, shareScope: 'default' },
        ]),
      ),
      shared: SHARED_SINGLETONS,
      dts: false,
    }),
  ],
  resolve: { conditions: resolveConditions(command) },
  server: { port: 5100, strictPort: true, proxy: { '/graphql': 'http://127.0.0.1:4000' } },
  preview: { port: 5100, strictPort: true, proxy: { '/graphql': 'http://127.0.0.1:4000' } },
  build: APP_BUILD,
}));
