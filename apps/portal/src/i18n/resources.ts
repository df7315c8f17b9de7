import type { SafetyResources } from '@safety/ui';

/** UI strings of the portal, namespace `portal`. Simplified Chinese is the source. */
const zhCN = {
  signIn: { title: '登录', subtitle: '民勤县安全生产体系平台', demoHint: '演示账号密码：Minqin@2026' },
  nav: {
    home: '首页',
    responsibility: '全面责任',
    hazard: '隐患排查',
    supervision: '监督管理',
    training: '宣传培训',
    emergency: '应急救援',
    admin: '平台管理',
  },
  underConstruction: {
    title: '{{module}}建设中',
    description: '该模块正在建设，敬请期待。',
    back: '返回首页',
  },
  remote: {
    loading: '正在加载模块…',
    failed: '模块加载失败',
    failedHint: '请检查网络后重试；若问题持续，请联系平台管理员。',
    retry: '重试',
  },
  home: {
    title: '全县安全生产概览',
    scopeHint: '统计范围：您的数据权限范围内',
    enterprises: '生产经营单位',
    hazards: '隐患',
    majorHazards: '其中重大隐患 {{count}} 项',
    certificates: '持证情况',
    validCertificates: '其中有效 {{count}} 本',
    plans: '应急预案',
    filedPlans: '其中已备案 {{count}} 份',
    byClass: '企业监管分类',
    byGrade: '隐患等级',
    byCertificateStatus: '证书状态',
    byPlanStatus: '应急预案状态',
    unitEnterprise: '家',
    unitHazard: '项',
    unitCertificate: '本',
    unitPlan: '份',
  },
  class: { A: 'A 类', B: 'B 类', C: 'C 类', D: 'D 类' },
  grade: { GENERAL: '一般隐患', MAJOR: '重大隐患' },
  certificate: {
    VALID: '有效',
    REVIEW_WINDOW: '待复审',
    REVIEW_OVERDUE: '复审逾期',
    EXPIRED: '已过期',
    REVOKED: '已撤销',
  },
  plan: { DRAFTING: '编制中', FILED: '已备案', REVISION_REQUIRED: '需修订', SUPERSEDED: '已废止' },
};

type Strings<T> = { [K in keyof T]: T[K] extends string ? string : Strings<T[K]> };

const en: Strings<typeof zhCN> = {
  signIn: {
    title: 'Sign in',
    subtitle: 'Minqin County Work Safety Platform',
    demoHint: 'Demo password: Minqin@2026',
  },
  nav: {
    home: 'Home',
    responsibility: 'Responsibility',
    hazard: 'Hazards',
    supervision: 'Supervision',
    training: 'Training',
    emergency: 'Emergency',
    admin: 'Administration',
  },
  underConstruction: {
    title: '{{module}}: under construction',
    description: 'This module is being built.',
    back: 'Back to home',
  },
  remote: {
    loading: 'Loading the module…',
    failed: 'The module could not be loaded',
    failedHint: 'Check the network and retry; if it persists, contact the platform administrator.',
    retry: 'Retry',
  },
  home: {
    title: 'County work-safety overview',
    scopeHint: 'Counted within your data scope',
    enterprises: 'Enterprises',
    hazards: 'Hazards',
    majorHazards: '{{count}} major',
    certificates: 'Certificates',
    validCertificates: '{{count}} valid',
    plans: 'Emergency plans',
    filedPlans: '{{count}} filed',
    byClass: 'Enterprises by supervision class',
    byGrade: 'Hazards by grade',
    byCertificateStatus: 'Certificates by status',
    byPlanStatus: 'Emergency plans by status',
    unitEnterprise: '',
    unitHazard: '',
    unitCertificate: '',
    unitPlan: '',
  },
  class: { A: 'Class A', B: 'Class B', C: 'Class C', D: 'Class D' },
  grade: { GENERAL: 'General', MAJOR: 'Major' },
  certificate: {
    VALID: 'Valid',
    REVIEW_WINDOW: 'Review due',
    REVIEW_OVERDUE: 'Review overdue',
    EXPIRED: 'Expired',
    REVOKED: 'Revoked',
  },
  plan: {
    DRAFTING: 'Drafting',
    FILED: 'Filed',
    REVISION_REQUIRED: 'Revision required',
    SUPERSEDED: 'Superseded',
  },
};

export const PORTAL_NAMESPACE = 'portal';

export const portalResources: SafetyResources = {
  'zh-CN': { [PORTAL_NAMESPACE]: zhCN },
  en: { [PORTAL_NAMESPACE]: en },
};
