import { departmentAppConfig } from '@safety/config/vite-app';

// Standalone on :5102 and the `hazard` remote (exposes ./routes); see packages/config/vite.app.mjs.
export default departmentAppConfig({ name: 'hazard', port: 5102 });
