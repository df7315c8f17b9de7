import { departmentAppConfig } from '@safety/config/vite-app';

// Standalone on :5106 and the `admin` remote (exposes ./routes); see packages/config/vite.app.mjs.
// The registry reads go to `/registry/*`: infra/local/static-server.mjs proxies them once built; in
// dev, run the static server (or the whole platform) and open the app through it.
export default departmentAppConfig({ name: 'admin', port: 5106 });
