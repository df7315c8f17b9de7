import { INDUSTRIES, TOWNS } from '@safety/reference';
import ExcelJS from 'exceljs';
import { Field, Int, ObjectType } from 'type-graphql';
import type { Hazard } from './hazard.entity.js';

const TOWN_NAME = new Map(TOWNS.map((town) => [town.code, town.name]));
const INDUSTRY_NAME = new Map(INDUSTRIES.map((industry) => [industry.code, industry.labelZh]));

/** `YYYY-MM-DD HH:mm` in Asia/Shanghai (UTC+8, no daylight saving). */
const shanghai = (at: Date) =>
  new Date(at.getTime() + 8 * 3600_000).toISOString().slice(0, 16).replace('T', ' ');

/** The ledger export's ceiling: a county's hazards of several years; beyond it, narrow the filters. */
export const LEDGER_EXPORT_LIMIT = 20_000;

const GRADE_ZH: Record<string, string> = { GENERAL: '一般隐患', MAJOR: '重大隐患' };
const STATUS_ZH: Record<string, string> = {
  DRAFT: '草稿',
  REPORTED: '已上报',
  FIXED_ON_SPOT: '即知即改',
  CONFIRMED: '已确认',
  RECTIFYING: '整改中',
  PENDING_ACCEPTANCE: '待验收',
  ACCEPTED: '已验收',
  CLOSED: '已销号',
  REJECTED: '不予确认',
  REOPENED: '已重新打开',
};
const SOURCE_ZH: Record<string, string> = {
  ENTERPRISE_SELF_CHECK: '企业自查',
  STAFF_REPORT: '员工报告',
  GOV_INSPECTION: '执法/监管检查',
  SPECIAL_CAMPAIGN: '专项整治',
  EXPERT_SERVICE: '专家问诊',
  WHISTLEBLOWER: '举报',
  MONITORING_ALERT: '监测预警',
  LESSONS_LEARNED: '举一反三',
  LEADER_INSPECTION: '领导检查',
  MEDIA: '舆论监督',
  SYSTEM_RULE: '系统规则',
};

export interface LedgerRow {
  hazard: Hazard;
  enterpriseName: string | null;
  overdue: boolean;
}

/**
 * 隐患排查治理台账 as an .xlsx workbook: one row per hazard with what a regulator files and prints
 * (code, enterprise, town, grade, source, status, found, deadline, overdue, closed). Times in
 * Asia/Shanghai; the header row frozen and filterable.
 */
export async function hazardLedgerWorkbook(rows: readonly LedgerRow[], title: string): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = '民勤县安全生产体系平台';
  const sheet = workbook.addWorksheet('隐患台账', { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = [
    { header: '隐患编号', key: 'code', width: 18 },
    { header: '隐患名称', key: 'title', width: 36 },
    { header: '所属企业', key: 'enterprise', width: 30 },
    { header: '所在镇', key: 'town', width: 12 },
    { header: '行业', key: 'industry', width: 20 },
    { header: '隐患等级', key: 'grade', width: 10 },
    { header: '隐患来源', key: 'source', width: 14 },
    { header: '状态', key: 'status', width: 10 },
    { header: '发现时间', key: 'foundAt', width: 18 },
    { header: '整改期限', key: 'deadline', width: 12 },
    { header: '是否逾期', key: 'overdue', width: 10 },
    { header: '销号时间', key: 'closedAt', width: 18 },
    { header: '隐患描述', key: 'description', width: 50 },
  ];
  for (const { hazard, enterpriseName, overdue } of rows) {
    sheet.addRow({
      code: hazard.code,
      title: hazard.title,
      enterprise: enterpriseName ?? '—',
      town: hazard.townshipCode ? (TOWN_NAME.get(hazard.townshipCode) ?? hazard.townshipCode) : '',
      industry: hazard.industryCode ? (INDUSTRY_NAME.get(hazard.industryCode) ?? hazard.industryCode) : '',
      grade: GRADE_ZH[hazard.grade] ?? hazard.grade,
      source: SOURCE_ZH[hazard.source] ?? hazard.source,
      status: STATUS_ZH[hazard.status] ?? hazard.status,
      foundAt: shanghai(hazard.foundAt),
      deadline: hazard.deadline ?? '',
      overdue: overdue ? '是' : '否',
      closedAt: hazard.closedAt ? shanghai(hazard.closedAt) : '',
      description: hazard.description,
    });
  }
  sheet.getRow(1).font = { bold: true };
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: sheet.columns.length } };
  workbook.title = title;
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

@ObjectType({ description: '隐患台账 as an Excel workbook' })
export class HazardLedgerFile {
  @Field({ description: 'e.g. 隐患台账-2026-11-29.xlsx' })
  filename: string;

  @Field()
  contentType: string;

  @Field({ description: 'The workbook, base64' })
  base64: string;

  @Field(() => Int)
  rowCount: number;
}

export const XLSX_CONTENT_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
