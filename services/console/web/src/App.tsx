// The app's frame: the session decides between sign-in and the role's screens; /activate/<token> sets a first password; /feedback/<session> is public.
import { MenuOutlined } from '@ant-design/icons';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Button, Drawer, Dropdown, Grid, Layout, Menu, Space, Spin, Typography } from 'antd';
import { useState, type ReactNode } from 'react';
import { Link, Route, Routes, useLocation, useParams } from 'react-router';
import { api, type Account } from './api.ts';
import { COORDINATOR_SECTIONS } from './coordinator/sections.tsx';
import { useI18n } from './i18n.tsx';
import { LIAISON_SECTIONS } from './liaison/sections.tsx';
import { OFFICER_SECTIONS } from './officer/sections.tsx';
import { PublicFeedbackPage } from './officer/PublicFeedbackPage.tsx';
import { ActivatePage } from './pages/ActivatePage.tsx';
import { LoginPage } from './pages/LoginPage.tsx';
import { REVIEWER_SECTIONS } from './reviewer/sections.tsx';
import { AccountContext } from './shared/account.tsx';
import { NotFound } from './shared/NotFound.tsx';
import type { Section } from './shared/sections.ts';

const SECTIONS: Record<Account['role'], Section[]> = {
  coordinator: COORDINATOR_SECTIONS,
  liaison: LIAISON_SECTIONS,
  officer: OFFICER_SECTIONS,
  reviewer: REVIEWER_SECTIONS,
};

function Header({ account, onMenu }: { account: Account | null; onMenu?: () => void }) {
  const { t, toggle } = useI18n();
  const queryClient = useQueryClient();
  const signOut = async (everywhere: boolean) => {
    await (everywhere ? api.logoutEverywhere() : api.logout());
    await queryClient.invalidateQueries();
  };
  return (
    <Layout.Header style={{ display: 'flex', alignItems: 'center', gap: 12, paddingInline: 16 }}>
      {onMenu !== undefined && (
        <Button icon={<MenuOutlined />} onClick={onMenu} aria-label={t('menu')} />
      )}
      <Typography.Title
        level={4}
        ellipsis
        style={{
          color: '#fff',
          margin: 0,
          flex: 1,
          minWidth: 0,
          fontSize: 'clamp(14px, 4vw, 20px)',
        }}
      >
        <Link to="/" style={{ color: 'inherit' }}>
          {t('appName')}
        </Link>
      </Typography.Title>
      <Space>
        <Button onClick={toggle} aria-label="language">
          {t('language')}
        </Button>
        {account !== null && (
          <Dropdown
            menu={{
              items: [
                { key: 'out', label: t('signOut'), onClick: () => void signOut(false) },
                { key: 'all', label: t('signOutEverywhere'), onClick: () => void signOut(true) },
              ],
            }}
          >
            <Button data-testid="account-menu">
              {account.name} · {t(`role_${account.role}`)}
            </Button>
          </Dropdown>
        )}
      </Space>
    </Layout.Header>
  );
}

/** The role's menu: a side bar on a desktop, a drawer behind the header's button on a phone. */
function RoleMenu({ sections, onPick }: { sections: Section[]; onPick?: () => void }) {
  const { t } = useI18n();
  const { pathname } = useLocation();
  const entries = sections.filter((s) => s.label !== undefined);
  // The longest section path that starts the current one is the selected entry.
  const selected = entries
    .filter(
      (s) => pathname === `/${s.path}` || (s.path !== '' && pathname.startsWith(`/${s.path}/`)),
    )
    .sort((a, b) => b.path.length - a.path.length)[0];
  return (
    <nav aria-label={t('menu')}>
      <Menu
        mode="inline"
        selectedKeys={selected === undefined ? [] : [selected.path]}
        onClick={onPick}
        items={entries.map((s) => ({
          key: s.path,
          icon: s.icon,
          label: <Link to={`/${s.path}`}>{s.label === undefined ? '' : t(s.label)}</Link>,
        }))}
      />
    </nav>
  );
}

function SignedIn({ account }: { account: Account }) {
  const sections = SECTIONS[account.role];
  const screens = Grid.useBreakpoint();
  const wide = screens.md === true;
  const [drawer, setDrawer] = useState(false);
  return (
    <AccountContext.Provider value={account}>
      <Header
        account={account}
        {...(wide
          ? {}
          : {
              onMenu: () => {
                setDrawer(true);
              },
            })}
      />
      <Layout>
        {wide ? (
          <Layout.Sider width={200} theme="light">
            <RoleMenu sections={sections} />
          </Layout.Sider>
        ) : (
          <Drawer
            placement="left"
            open={drawer}
            onClose={() => {
              setDrawer(false);
            }}
            size={240}
            styles={{ body: { padding: 0 } }}
          >
            <RoleMenu
              sections={sections}
              onPick={() => {
                setDrawer(false);
              }}
            />
          </Drawer>
        )}
        <Layout.Content style={{ padding: 16, maxWidth: 1200, width: '100%', margin: '0 auto' }}>
          <main>
            <Routes>
              {sections.map((s) => (
                <Route key={s.path} path={`/${s.path}`} element={s.element} />
              ))}
              <Route path="*" element={<NotFound />} />
            </Routes>
          </main>
        </Layout.Content>
      </Layout>
    </AccountContext.Provider>
  );
}

function Activation() {
  const { token } = useParams();
  return <ActivatePage token={token ?? ''} />;
}

export function App() {
  const session = useQuery({ queryKey: ['session'], queryFn: () => api.session() });
  const account = session.data?.account ?? null;
  const signedOut = (body: ReactNode) => (
    <>
      <Header account={null} />
      <Layout.Content style={{ padding: 16 }}>
        <main>{body}</main>
      </Layout.Content>
    </>
  );
  return (
    <Layout style={{ minHeight: '100vh' }}>
      <Routes>
        <Route path="/activate/:token" element={signedOut(<Activation />)} />
        {/* The room's feedback link: public, whoever is signed in (ADR 035). */}
        <Route path="/feedback/:sessionId" element={signedOut(<PublicFeedbackPage />)} />
        <Route
          path="*"
          element={
            session.isPending ? (
              signedOut(<Spin size="large" style={{ margin: 64 }} />)
            ) : account === null ? (
              signedOut(<LoginPage />)
            ) : (
              <SignedIn account={account} />
            )
          }
        />
      </Routes>
    </Layout>
  );
}
