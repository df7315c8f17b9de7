import { departmentAppConfig } from '@safety/config/vite-app';

// Standalone on :5101 and the `responsibility` remote (exposes ./routes); see packages/config/vite.app.mjs.
export default departmentAppConfig({ name: 'responsibility', port: 5101 });
