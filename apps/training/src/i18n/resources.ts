import type { SafetyResources } from '@safety/ui';

/** UI strings of the training module, namespace `training`. Simplified Chinese is the source. */
const zhCN = {
  module: { title: '宣传培训', certificates: '持证管理' },
  signIn: { title: '宣传培训体系 · 登录' },
  certificate: {
    listTitle: '资格证书台账',
    holderName: '持证人',
    idNumber: '身份证号',
    category: '证书类别',
    operationType: '作业类别/项目',
    number: '证书编号',
    validTo: '有效期至',
    nextReviewDue: '下次复审',
    status: '状态',
    enterprise: '所在企业',
    none: '—',
    emptyTitle: '没有符合条件的证书',
    emptyHint: '请调整或清除筛选条件后再试。',
  },
  category: {
    SPECIAL_OPERATION: '特种作业操作证',
    PRINCIPAL: '主要负责人合格证',
    SAFETY_MANAGER: '安全管理人员合格证',
    SPECIAL_EQUIPMENT: '特种设备作业人员证',
  },
  status: {
    VALID: '有效',
    REVIEW_WINDOW: '待复审',
    REVIEW_OVERDUE: '复审逾期',
    EXPIRED: '已过期',
    REVIEW_FAILED: '复审不合格',
    SUSPENDED: '暂扣',
    REVOKED: '已撤销',
  },
};

type Strings<T> = { [K in keyof T]: T[K] extends string ? string : Strings<T[K]> };

const en: Strings<typeof zhCN> = {
  module: { title: 'Training', certificates: 'Certificates' },
  signIn: { title: 'Training · Sign in' },
  certificate: {
    listTitle: 'Certificate register',
    holderName: 'Holder',
    idNumber: 'ID number',
    category: 'Category',
    operationType: 'Operation type',
    number: 'Number',
    validTo: 'Valid to',
    nextReviewDue: 'Next review',
    status: 'Status',
    enterprise: 'Enterprise',
    none: '—',
    emptyTitle: 'No certificate matches',
    emptyHint: 'Change or clear the filters and try again.',
  },
  category: {
    SPECIAL_OPERATION: 'Special operation',
    PRINCIPAL: 'Principal',
    SAFETY_MANAGER: 'Safety manager',
    SPECIAL_EQUIPMENT: 'Special equipment',
  },
  status: {
    VALID: 'Valid',
    REVIEW_WINDOW: 'Review due',
    REVIEW_OVERDUE: 'Review overdue',
    EXPIRED: 'Expired',
    REVIEW_FAILED: 'Review failed',
    SUSPENDED: 'Suspended',
    REVOKED: 'Revoked',
  },
};

export const TRAINING_NAMESPACE = 'training';

export const trainingResources: SafetyResources = {
  'zh-CN': { [TRAINING_NAMESPACE]: zhCN },
  en: { [TRAINING_NAMESPACE]: en },
};

export const CERTIFICATE_CATEGORIES = Object.keys(zhCN.category);
