import { nodeTestConfig } from '@safety/config/vitest';

export default nodeTestConfig();
