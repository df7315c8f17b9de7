import { browserTestConfig } from '@safety/config/vitest-browser';
import react from '@vitejs/plugin-react';

// Component tests run in Debian's Chromium (never a downloaded browser); workspace packages resolve to src/.
export default browserTestConfig({
  plugins: [react()],
  optimizeDeps: {
    include: [
      'react',
      'react-dom',
      'react-dom/client',
      'antd',
      '@ant-design/icons',
      'dayjs',
      'echarts/core',
      'echarts/charts',
      'echarts/components',
      'echarts/renderers',
    ],
  },
  test: { include: ['src/**/*.test.{ts,tsx}'], expect: { poll: { timeout: 5_000 } } },
});
