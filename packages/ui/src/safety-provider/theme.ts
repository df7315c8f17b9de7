import type { ThemeConfig } from 'antd';

/** The platform's one theme. Risk colours are not theme tokens: they are national colours (see risk-level-tag). */
export const safetyTheme: ThemeConfig = {
  token: {
    colorPrimary: '#1d4ed8',
    colorInfo: '#1d4ed8',
    borderRadius: 6,
    fontFamily:
      "-apple-system, BlinkMacSystemFont, 'PingFang SC', 'Microsoft YaHei', 'Noto Sans CJK SC', 'Helvetica Neue', Arial, sans-serif",
  },
  components: {
    Layout: { headerBg: '#0f2a5c', headerColor: '#ffffff', siderBg: '#ffffff' },
  },
};
