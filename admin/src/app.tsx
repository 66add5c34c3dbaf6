import { lazy, Suspense } from 'react';
import { App as AntApp, ConfigProvider, Spin } from 'antd';
import zhCN from 'antd/locale/zh_CN';
import { BrowserRouter, Navigate, Route, Routes } from 'react-router-dom';
import { Shell } from './layout/shell';
import { LoginPage } from './pages/login';
import { QueuesPage } from './pages/queues';
import { TicketPage } from './pages/ticket';
import { SessionProvider, useSession } from './session/use-session';

// Pages a unit handler on a phone rarely opens (charts, admin) load on first use.
const DeskPage = lazy(() => import('./pages/desk').then((m) => ({ default: m.DeskPage })));
const StatsPage = lazy(() => import('./pages/stats').then((m) => ({ default: m.StatsPage })));
const KnowledgePage = lazy(() => import('./pages/knowledge').then((m) => ({ default: m.KnowledgePage })));
const UnitsPage = lazy(() => import('./pages/units').then((m) => ({ default: m.UnitsPage })));
const StaffPage = lazy(() => import('./pages/staff').then((m) => ({ default: m.StaffPage })));
const HotspotsPage = lazy(() => import('./pages/hotspots').then((m) => ({ default: m.HotspotsPage })));
const SupervisionsPage = lazy(() => import('./pages/supervisions').then((m) => ({ default: m.SupervisionsPage })));
const NoticesPage = lazy(() => import('./pages/notices').then((m) => ({ default: m.NoticesPage })));
const CasesPage = lazy(() => import('./pages/cases').then((m) => ({ default: m.CasesPage })));
const CatalogPage = lazy(() => import('./pages/catalog').then((m) => ({ default: m.CatalogPage })));
const ScenesPage = lazy(() => import('./pages/scenes').then((m) => ({ default: m.ScenesPage })));
const AccountabilityPage = lazy(() => import('./pages/accountability').then((m) => ({ default: m.AccountabilityPage })));

function Pages() {
  const { staff, loading } = useSession();
  if (loading) return <Spin className="page-spin" size="large" />;
  if (!staff) return <LoginPage />;
  return (
    <Shell>
      <Suspense fallback={<Spin className="page-spin" />}>
        <Routes>
          <Route path="/" element={<QueuesPage />} />
          <Route path="/tickets/:no" element={<TicketPage />} />
          <Route path="/desk" element={<DeskPage />} />
          <Route path="/stats" element={<StatsPage />} />
          <Route path="/notices" element={<NoticesPage />} />
          <Route path="/hotspots" element={<HotspotsPage />} />
          <Route path="/supervisions" element={<SupervisionsPage />} />
          <Route path="/knowledge" element={<KnowledgePage />} />
          <Route path="/units" element={<UnitsPage />} />
          <Route path="/staff" element={<StaffPage />} />
          <Route path="/scenes" element={<ScenesPage />} />
          <Route path="/cases" element={<CasesPage />} />
          <Route path="/catalog" element={<CatalogPage />} />
          <Route path="/accountability" element={<AccountabilityPage />} />
          <Route path="*" element={<Navigate to="/" replace />} />
        </Routes>
      </Suspense>
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
