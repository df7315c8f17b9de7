/** UI strings of @safety/ui, namespace `safety`. Simplified Chinese is the source; English must mirror its keys. */
export const zhCN = {
  app: {
    productName: '民勤县安全生产体系平台',
    logout: '退出登录',
    language: '语言',
    navigation: '功能导航',
    breadcrumb: '当前位置',
  },
  language: { 'zh-CN': '中文', en: 'English' },
  risk: {
    label: '风险等级',
    MAJOR: '重大风险',
    HIGH: '较大风险',
    MODERATE: '一般风险',
    LOW: '低风险',
  },
  colour: { red: '红色', orange: '橙色', yellow: '黄色', blue: '蓝色' },
  deadline: {
    remaining: '剩余 {{count}} 天',
    dueToday: '今日到期',
    overdue: '逾期 {{count}} 天',
    done: '已完成',
    deadlineOn: '截止日期：{{date}}',
  },
  timeline: {
    created: '创建',
    actor: '操作人：{{actor}}',
    reason: '原因：{{reason}}',
    empty: '暂无状态变更记录',
  },
  empty: { defaultTitle: '暂无数据' },
  form: { serverRejected: '提交的内容未通过校验' },
  table: {
    total: '共 {{count}} 条',
    previous: '上一页',
    next: '下一页',
    columns: '列设置',
    all: '全部',
  },
  countyMap: {
    label: '民勤县各镇分布示意图',
    schematic: '示意图，非测绘边界',
    legend: '图例',
    noData: '无数据',
    value: '{{town}}：{{value}}',
  },
};

type Strings<T> = { [K in keyof T]: T[K] extends string ? string : Strings<T[K]> };

export const en: Strings<typeof zhCN> & {
  deadline: { remaining_one: string; remaining_other: string; overdue_one: string; overdue_other: string };
} = {
  app: {
    productName: 'Minqin County Work Safety Platform',
    logout: 'Sign out',
    language: 'Language',
    navigation: 'Navigation',
    breadcrumb: 'You are here',
  },
  language: { 'zh-CN': '中文', en: 'English' },
  risk: {
    label: 'Risk level',
    MAJOR: 'Major risk',
    HIGH: 'High risk',
    MODERATE: 'Moderate risk',
    LOW: 'Low risk',
  },
  colour: { red: 'red', orange: 'orange', yellow: 'yellow', blue: 'blue' },
  deadline: {
    remaining: '{{count}} days left',
    remaining_one: '{{count}} day left',
    remaining_other: '{{count}} days left',
    dueToday: 'Due today',
    overdue: '{{count}} days overdue',
    overdue_one: '{{count}} day overdue',
    overdue_other: '{{count}} days overdue',
    done: 'Done',
    deadlineOn: 'Deadline: {{date}}',
  },
  timeline: {
    created: 'Created',
    actor: 'By {{actor}}',
    reason: 'Reason: {{reason}}',
    empty: 'No status changes yet',
  },
  empty: { defaultTitle: 'No data' },
  form: { serverRejected: 'The server rejected the submitted values' },
  table: {
    total: '{{count}} in total',
    previous: 'Previous',
    next: 'Next',
    columns: 'Columns',
    all: 'All',
  },
  countyMap: {
    label: 'Schematic map of the towns of Minqin County',
    schematic: 'Schematic, not surveyed boundaries',
    legend: 'Legend',
    noData: 'No data',
    value: '{{town}}: {{value}}',
  },
};

export const SAFETY_NAMESPACE = 'safety';
