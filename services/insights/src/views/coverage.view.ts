// Each coverage view as a table people read: Chinese headers, Chinese labels for codes, Shanghai dates.
import {
  Audience,
  FraudType,
  labelOf,
  OpinionStatus,
  PartnershipStatus,
  SessionFormat,
  SessionKind,
} from '@lianxin/contracts';
import type {
  AudienceRow,
  BankRow,
  FollowUpRow,
  FormatFeedbackRow,
  MonthRow,
  OfficerFeedbackRow,
} from './coverage.rules.ts';

import type { Table } from '@lianxin/platform/tables';

export type { Cell, Table } from '@lianxin/platform/tables';

const SHANGHAI_OFFSET_MS = 8 * 3_600_000;
const day = (iso: string | null): string =>
  iso === null ? '' : new Date(Date.parse(iso) + SHANGHAI_OFFSET_MS).toISOString().slice(0, 10);

export function bankTable(rows: readonly BankRow[]): Table {
  return {
    name: '银行覆盖',
    headers: [
      '银行代码',
      '银行简称',
      '合作状态',
      '受邀场次',
      '参加场次',
      '报名人数',
      '签到人数',
      '最近参加日期',
      '距今天数',
    ],
    rows: rows.map((r) => [
      r.code,
      r.shortName,
      PartnershipStatus.safeParse(r.status).success
        ? labelOf(PartnershipStatus, PartnershipStatus.parse(r.status))
        : r.status,
      r.invited,
      r.attended,
      r.registered,
      r.checkedIn,
      day(r.lastForumAt),
      r.daysSince ?? '',
    ]),
  };
}

export function audienceTable(rows: readonly AudienceRow[]): Table {
  return {
    name: '受众与诈骗类型',
    headers: ['受众', '诈骗类型', '场次', '人次', '发布简报数'],
    rows: rows.map((r) => [
      labelOf(Audience, r.audience),
      labelOf(FraudType, r.fraudType),
      r.sessions,
      r.people,
      r.bulletins,
    ]),
  };
}

export function monthTable(rows: readonly MonthRow[]): Table {
  return {
    name: '月度场次人次',
    headers: ['月份', '活动类型', '组织单位', '场次', '人次'],
    rows: rows.map((r) => [
      r.month,
      labelOf(SessionKind, r.kind),
      r.organisingUnit,
      r.sessions,
      r.people,
    ]),
  };
}

export function feedbackTable(view: {
  byOfficer: readonly OfficerFeedbackRow[];
  byFormat: readonly FormatFeedbackRow[];
}): Table {
  return {
    name: '三色评价',
    headers: ['分组', '对象', '评价数', '红（问题整改）', '黄（有待提升）', '蓝（优质服务）'],
    rows: [
      ...view.byOfficer.map((r) => ['民警', r.officerId, r.feedbacks, r.red, r.yellow, r.blue]),
      ...view.byFormat.map((r) => [
        '活动形式',
        labelOf(SessionFormat, r.format),
        r.feedbacks,
        r.red,
        r.yellow,
        r.blue,
      ]),
    ],
  };
}

const AGE_LABEL: Record<FollowUpRow['age'], string> = {
  '0-7': '7天以内',
  '8-30': '8–30天',
  '31+': '30天以上',
};

export function followUpTable(rows: readonly FollowUpRow[]): Table {
  return {
    name: '社情民意与整改',
    headers: ['事项', '状态', '时长', '数量', '逾期数'],
    rows: rows.map((r) => [
      r.item === 'opinion' ? '社情民意' : '红色评价整改',
      r.status === 'closed'
        ? '已整改'
        : r.item === 'opinion'
          ? labelOf(OpinionStatus, r.status)
          : '待整改',
      AGE_LABEL[r.age],
      r.count,
      r.overdue,
    ]),
  };
}
