import type { SafetyResources } from '@safety/ui';

/** UI strings of the platform administration module, namespace `admin`. Simplified Chinese is the source. */
const zhCN = {
  module: { title: '平台管理', subgraphs: '子图', supergraph: '超图版本' },
  signIn: { title: '平台管理 · 登录' },
  admin: {
    openGraphiql: '打开 GraphiQL',
    readOnlyHint: '数据来自 Schema Registry（只读）。',
    loadFailed: '无法读取 Schema Registry',
    refresh: '刷新',
    subgraphsTitle: '子图',
    name: '名称',
    url: '地址',
    latestVersion: '最新版本',
    publishedAt: '发布时间',
    health: '就绪状态',
    actions: '操作',
    details: '详情',
    sdl: '当前 SDL',
    versions: '版本记录',
    version: '版本',
    status: '状态',
    errors: '组合错误',
    publishedBy: '发布者',
    noVersion: '无已接受版本',
    noErrors: '无',
    subgraphDrawer: '子图 {{name}}',
    supergraphTitle: '超图版本',
    liveVersion: '当前版本',
    hash: '哈希',
    createdAt: '生成时间',
    composedFrom: '组成子图',
    viewSdl: '查看 SDL',
    supergraphSdl: '超图 SDL（v{{version}}）',
    noSupergraph: '尚无超图：还没有子图发布成功',
    live: '当前',
  },
  readiness: { checking: '检查中', ready: '就绪', 'not-ready': '未就绪', unreachable: '不可达' },
  versionStatus: { ACCEPTED: 'ACCEPTED', REJECTED: 'REJECTED' },
};

type Strings<T> = { [K in keyof T]: T[K] extends string ? string : Strings<T[K]> };

const en: Strings<typeof zhCN> = {
  module: { title: 'Administration', subgraphs: 'Subgraphs', supergraph: 'Supergraph' },
  signIn: { title: 'Administration · Sign in' },
  admin: {
    openGraphiql: 'Open GraphiQL',
    readOnlyHint: 'From the schema registry (read only).',
    loadFailed: 'The schema registry could not be read',
    refresh: 'Refresh',
    subgraphsTitle: 'Subgraphs',
    name: 'Name',
    url: 'URL',
    latestVersion: 'Latest version',
    publishedAt: 'Published',
    health: 'Readiness',
    actions: 'Actions',
    details: 'Details',
    sdl: 'Current SDL',
    versions: 'Versions',
    version: 'Version',
    status: 'Status',
    errors: 'Composition errors',
    publishedBy: 'Published by',
    noVersion: 'No accepted version',
    noErrors: 'None',
    subgraphDrawer: 'Subgraph {{name}}',
    supergraphTitle: 'Supergraph versions',
    liveVersion: 'Live version',
    hash: 'Hash',
    createdAt: 'Created',
    composedFrom: 'Composed from',
    viewSdl: 'View SDL',
    supergraphSdl: 'Supergraph SDL (v{{version}})',
    noSupergraph: 'No supergraph yet: no subgraph has published successfully',
    live: 'Live',
  },
  readiness: { checking: 'Checking', ready: 'Ready', 'not-ready': 'Not ready', unreachable: 'Unreachable' },
  versionStatus: { ACCEPTED: 'ACCEPTED', REJECTED: 'REJECTED' },
};

export const ADMIN_NAMESPACE = 'admin';

export const adminResources: SafetyResources = {
  'zh-CN': { [ADMIN_NAMESPACE]: zhCN },
  en: { [ADMIN_NAMESPACE]: en },
};
