// The app's frame: the session decides between sign-in and the role's home; /activate/<token> sets a first password.
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Button, Dropdown, Layout, Space, Spin, Typography } from 'antd';
import { api, type Account } from './api.ts';
import { useI18n } from './i18n.tsx';
import { ActivatePage } from './pages/ActivatePage.tsx';
import { Dashboard } from './pages/Dashboard.tsx';
import { LiaisonHome } from './pages/LiaisonHome.tsx';
import { LoginPage } from './pages/LoginPage.tsx';

function Header({ account }: { account: Account | null }) {
  const { t, toggle } = useI18n();
  const queryClient = useQueryClient();
  const signOut = async (everywhere: boolean) => {
    await (everywhere ? api.logoutEverywhere() : api.logout());
    await queryClient.invalidateQueries();
  };
  return (
    <Layout.Header style={{ display: 'flex', alignItems: 'center', gap: 16, paddingInline: 16 }}>
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
        {t('appName')}
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

export function App() {
  const session = useQuery({ queryKey: ['session'], queryFn: () => api.session() });
  const activation = /^\/activate\/([A-Za-z0-9_-]+)$/.exec(window.location.pathname);
  const account = session.data?.account ?? null;
  let body;
  if (session.isPending) body = <Spin size="large" style={{ margin: 64 }} />;
  else if (activation?.[1] !== undefined) body = <ActivatePage token={activation[1]} />;
  else if (account === null) body = <LoginPage />;
  else if (account.role === 'liaison') body = <LiaisonHome account={account} />;
  else body = <Dashboard account={account} />;
  return (
    <Layout style={{ minHeight: '100vh' }}>
      <Header account={account} />
      <Layout.Content style={{ padding: 16, maxWidth: 1200, width: '100%', margin: '0 auto' }}>
        <main>{body}</main>
      </Layout.Content>
    </Layout>
  );
}
