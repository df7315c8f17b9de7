import { departmentAppConfig } from '@safety/config/vite-app';

// Standalone on :5103 and the `supervision` remote (exposes ./routes); see packages/config/vite.app.mjs.
export default departmentAppConfig({ name: 'supervision', port: 5103 });
