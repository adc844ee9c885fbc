import { Flex, Spin } from 'antd';
import { lazy, Suspense, useEffect, type ReactNode } from 'react';
import { Navigate, Route, Routes, useLocation, useNavigationType } from 'react-router';
import { useAuth } from './auth';
import { AppLayout } from './app-layout';
import type { FeatureRoute } from './feature-manifest';
import { features } from './features';
import { matchPhoneRoute } from '../phone/phone-routes';
import { ForbiddenPage, NotFoundPage } from './status-pages';

const LoginPage = lazy(() => import('./login-page'));

function FullPageSpin() {
  return (
    <Flex justify="center" align="center" style={{ minHeight: '100vh' }}>
      <Spin size="large" />
    </Flex>
  );
}

function RequireLogin({ children }: { children: ReactNode }) {
  const { me, isLoading } = useAuth();
  const location = useLocation();
  if (isLoading) return <FullPageSpin />;
  if (!me) {
    const next = encodeURIComponent(location.pathname + location.search);
    return <Navigate to={`/login?next=${next}`} replace />;
  }
  return children;
}

function RequirePermission({ route }: { route: FeatureRoute }) {
  const { can } = useAuth();
  if (!can(route.permission)) return <ForbiddenPage />;
  const Page = route.element;
  return <Page />;
}

/**
 * A phone page reached from inside the antd app (menu, link, login's `next`): load it as a new document so the
 * entry renders it in the light phone shell (decision 0009). After a push (menu, link) the pushed entry is
 * stepped back over first, so history holds one entry per document and the browser's Back returns to the
 * antd page; after a replace (login) the entry is replaced.
 */
let leavingForPhoneShell = false;

function PhoneShellLoad() {
  const location = useLocation();
  const navigationType = useNavigationType();
  useEffect(() => {
    // Once per document (StrictMode runs effects twice in development).
    if (leavingForPhoneShell) return;
    leavingForPhoneShell = true;
    const target = location.pathname + location.search + location.hash;
    if (navigationType === 'PUSH') {
      window.addEventListener('popstate', () => window.location.assign(target), { once: true });
      window.history.back();
    } else {
      window.location.replace(target);
    }
  }, [location, navigationType]);
  return <FullPageSpin />;
}

const isPhonePath = (path: string) => matchPhoneRoute(path) !== undefined;

const layoutRoutes = features.flatMap((feature) => feature.routes);
const publicRoutes = features.flatMap((feature) => feature.publicRoutes ?? []);

/** /login and the public pages stand alone; everything else renders inside the signed-in layout. */
export function AppRoutes() {
  return (
    <Routes>
      <Route
        path="/login"
        element={
          <Suspense fallback={<FullPageSpin />}>
            <LoginPage />
          </Suspense>
        }
      />
      {publicRoutes.map((route) => {
        if (isPhonePath(route.path)) return <Route key={`public:${route.path}`} path={route.path} element={<PhoneShellLoad />} />;
        const Page = route.element;
        return (
          <Route
            key={`public:${route.path}`}
            path={route.path}
            element={
              <Suspense fallback={<FullPageSpin />}>
                <Page />
              </Suspense>
            }
          />
        );
      })}
      <Route
        element={
          <RequireLogin>
            <AppLayout />
          </RequireLogin>
        }
      >
        {layoutRoutes.map((route) => (
          <Route key={route.path} path={route.path} element={isPhonePath(route.path) ? <PhoneShellLoad /> : <RequirePermission route={route} />} />
        ))}
        <Route path="*" element={<NotFoundPage />} />
      </Route>
    </Routes>
  );
}
