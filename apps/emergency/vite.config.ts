import { departmentAppConfig } from '@safety/config/vite-app';

// Standalone on :5105 and the `emergency` remote (exposes ./routes); see packages/config/vite.app.mjs.
export default departmentAppConfig({ name: 'emergency', port: 5105 });
