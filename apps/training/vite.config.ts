import { departmentAppConfig } from '@safety/config/vite-app';

// Standalone on :5104 and the `training` remote (exposes ./routes); see packages/config/vite.app.mjs.
export default departmentAppConfig({ name: 'training', port: 5104 });
