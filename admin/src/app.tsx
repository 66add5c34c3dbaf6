import { App as AntApp, ConfigProvider, Spin } from 'antd';
import zhCN from 'antd/locale/zh_CN';
import { BrowserRouter, Navigate, Route, Routes } from 'react-router-dom';
import { Shell } from './layout/shell';
import { LoginPage } from './pages/login';
import { QueuesPage } from './pages/queues';
import { TicketPage } from './pages/ticket';
import { DeskPage } from './pages/desk';
import { StatsPage } from './pages/stats';
import { KnowledgePage } from './pages/knowledge';
import { UnitsPage } from './pages/units';
import { StaffPage } from './pages/staff';
import { ScenesPage } from './pages/scenes';
import { SessionProvider, useSession } from './session/use-session';

function Pages() {
  const { staff, loading } = useSession();
  if (loading) return <Spin className="page-spin" size="large" />;
  if (!staff) return <LoginPage />;
  return (
    <Shell>
      <Routes>
        <Route path="/" element={<QueuesPage />} />
        <Route path="/tickets/:no" element={<TicketPage />} />
        <Route path="/desk" element={<DeskPage />} />
        <Route path="/stats" element={<StatsPage />} />
        <Route path="/knowledge" element={<KnowledgePage />} />
        <Route path="/units" element={<UnitsPage />} />
        <Route path="/staff" element={<StaffPage />} />
        <Route path="/scenes" element={<ScenesPage />} />
        <Route path="*" element={<Navigate to="/" replace />} />
      </Routes>
    </Shell>
  );
}

export function App() {
  return (
    <ConfigProvider locale={zhCN} button={{ autoInsertSpace: false }} theme={{ token: { colorPrimary: '#c8102e', borderRadius: 6 } }}>
      <AntApp>
        <SessionProvider>
          <BrowserRouter basename="/admin">
            <Pages />
          </BrowserRouter>
        </SessionProvider>
      </AntApp>
    </ConfigProvider>
  );
}
