// The web app's texts, Simplified Chinese first with English switchable; the choice is kept in localStorage.
import { createContext, useContext, useMemo, useState, type ReactNode } from 'react';
import { BULLETIN_TEXTS } from './bulletins/texts.ts';
import { COORDINATOR_TEXTS } from './coordinator/texts.ts';
import { LIAISON_TEXTS } from './liaison/texts.ts';
import { OFFICER_TEXTS } from './officer/texts.ts';
import { REVIEWER_TEXTS } from './reviewer/texts.ts';
import type { Lang } from './shared/texts.ts';

export type { Lang } from './shared/texts.ts';

/** Texts every area uses; each area keeps its own in `<area>/texts.ts`, keys prefixed by the area. */
const COMMON = {
  appName: { zh: '连心 · 反诈微恳谈', en: 'Lianxin · anti-fraud outreach' },
  signIn: { zh: '登录', en: 'Sign in' },
  signOut: { zh: '退出登录', en: 'Sign out' },
  signOutEverywhere: { zh: '退出所有设备', en: 'Sign out everywhere' },
  email: { zh: '邮箱', en: 'Email' },
  password: { zh: '密码', en: 'Password' },
  passwordRule: { zh: '至少 10 个字符', en: 'At least 10 characters' },
  required: { zh: '必填', en: 'Required' },
  activate: { zh: '激活账号', en: 'Activate your account' },
  activateHint: {
    zh: '请为您的账号设置密码',
    en: 'Choose a password for your account',
  },
  activated: { zh: '账号已激活，请登录', en: 'Your account is active; please sign in' },
  dashboard: { zh: '工作台', en: 'Dashboard' },
  myBank: { zh: '本行信息', en: 'My bank' },
  banks: { zh: '合作银行', en: 'Partner banks' },
  liaisons: { zh: '联络员', en: 'Liaisons' },
  upcoming: { zh: '近期微恳谈', en: 'Upcoming sessions' },
  seats: { zh: '名额与候补', en: 'Seats and waitlists' },
  confirmed: { zh: '已确认', en: 'Confirmed' },
  waitlisted: { zh: '候补', en: 'Waitlisted' },
  left: { zh: '剩余', en: 'Left' },
  title: { zh: '主题', en: 'Title' },
  startsAt: { zh: '开始时间', en: 'Starts' },
  venue: { zh: '地点', en: 'Venue' },
  status: { zh: '状态', en: 'Status' },
  code: { zh: '代码', en: 'Code' },
  name: { zh: '名称', en: 'Name' },
  district: { zh: '乡镇', en: 'District' },
  unavailable: { zh: '该服务暂不可用', en: 'This service is unavailable' },
  noSessions: { zh: '暂无近期活动', en: 'No upcoming sessions' },
  welcome: { zh: '您好', en: 'Hello' },
  role_coordinator: { zh: '反诈中心协调员', en: 'Coordinator' },
  role_officer: { zh: '民警', en: 'Officer' },
  role_reviewer: { zh: '审核民警', en: 'Reviewer' },
  role_liaison: { zh: '银行联络员', en: 'Bank liaison' },
  language: { zh: 'English', en: '中文' },
  notFound: { zh: '页面不存在', en: 'Page not found' },
  backHome: { zh: '返回首页', en: 'Back to the home page' },
  menu: { zh: '导航', en: 'Navigation' },
} as const;

const TEXTS = {
  ...COMMON,
  ...COORDINATOR_TEXTS,
  ...LIAISON_TEXTS,
  ...OFFICER_TEXTS,
  ...REVIEWER_TEXTS,
  ...BULLETIN_TEXTS,
};

export type TextKey = keyof typeof TEXTS;

interface I18n {
  lang: Lang;
  t: (key: TextKey) => string;
  /** A server's bilingual message ({ zh, en }). */
  pick: (text: { zh: string; en: string }) => string;
  toggle: () => void;
}

const I18nContext = createContext<I18n | null>(null);

function initialLang(): Lang {
  return localStorage.getItem('lx-lang') === 'en' ? 'en' : 'zh';
}

export function I18nProvider({ children }: { children: ReactNode }) {
  const [lang, setLang] = useState<Lang>(initialLang);
  const value = useMemo<I18n>(
    () => ({
      lang,
      t: (key) => TEXTS[key][lang],
      pick: (text) => text[lang],
      toggle: () => {
        const next = lang === 'zh' ? 'en' : 'zh';
        localStorage.setItem('lx-lang', next);
        document.documentElement.lang = next === 'zh' ? 'zh-CN' : 'en';
        setLang(next);
      },
    }),
    [lang],
  );
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

export function useI18n(): I18n {
  const value = useContext(I18nContext);
  if (value === null) throw new Error('useI18n outside I18nProvider');
  return value;
}
