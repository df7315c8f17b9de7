import type { SafetyResources } from '@safety/ui';

/** UI strings of the emergency module, namespace `emergency`. Simplified Chinese is the source. */
const zhCN = {
  module: { title: '应急救援', plans: '应急预案' },
  signIn: { title: '应急救援体系 · 登录' },
  plan: {
    listTitle: '应急预案管理',
    code: '预案编号',
    title: '预案名称',
    enterprise: '所属企业',
    planType: '预案类型',
    status: '状态',
    filedAt: '备案日期',
    lastEvaluatedAt: '最近评估',
    nextEvaluationDue: '下次评估期限',
    overdueEvaluation: '评估是否逾期',
    overdueYes: '评估已逾期',
    overdueNo: '评估未逾期',
    none: '—',
    emptyTitle: '没有符合条件的应急预案',
    emptyHint: '请调整或清除筛选条件后再试。',
  },
  planType: { COMPREHENSIVE: '综合应急预案', SPECIALIZED: '专项应急预案', ONSITE: '现场处置方案' },
  status: { DRAFTING: '编制中', FILED: '已备案', REVISION_REQUIRED: '需修订', SUPERSEDED: '已废止' },
};

type Strings<T> = { [K in keyof T]: T[K] extends string ? string : Strings<T[K]> };

const en: Strings<typeof zhCN> = {
  module: { title: 'Emergency', plans: 'Emergency plans' },
  signIn: { title: 'Emergency · Sign in' },
  plan: {
    listTitle: 'Emergency plans',
    code: 'Code',
    title: 'Title',
    enterprise: 'Enterprise',
    planType: 'Plan type',
    status: 'Status',
    filedAt: 'Filed',
    lastEvaluatedAt: 'Last evaluated',
    nextEvaluationDue: 'Next evaluation due',
    overdueEvaluation: 'Evaluation overdue',
    overdueYes: 'Evaluation overdue',
    overdueNo: 'Evaluation on time',
    none: '—',
    emptyTitle: 'No emergency plan matches',
    emptyHint: 'Change or clear the filters and try again.',
  },
  planType: { COMPREHENSIVE: 'Comprehensive', SPECIALIZED: 'Specialised', ONSITE: 'On-site procedure' },
  status: {
    DRAFTING: 'Drafting',
    FILED: 'Filed',
    REVISION_REQUIRED: 'Revision required',
    SUPERSEDED: 'Superseded',
  },
};

export const EMERGENCY_NAMESPACE = 'emergency';

export const emergencyResources: SafetyResources = {
  'zh-CN': { [EMERGENCY_NAMESPACE]: zhCN },
  en: { [EMERGENCY_NAMESPACE]: en },
};

export const PLAN_TYPES = Object.keys(zhCN.planType);
