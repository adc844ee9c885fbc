import { QueryClientProvider } from '@tanstack/react-query';
import { useEffect, type ComponentType, type ReactNode } from 'react';
import { AuthProvider, useAuth } from '../app/auth';
import { createQueryClient } from '../app/query-client';
import { I18nProvider, useI18n, type MessageCatalogues } from '../i18n/i18n-context';
import type { PhoneRoute } from './phone-routes';
import { Toasts } from './toast';
import { Spinner } from './ui';
import './phone.css';

const queryClient = createQueryClient();

function LanguageButton() {
  const { locale, setLocale, t } = useI18n();
  return (
    <button type="button" className="pg-header-button" title={t('lang.switchTitle')} aria-label={t('lang.switchTitle')} data-testid="language-switch" onClick={() => setLocale(locale === 'zh' ? 'en' : 'zh')}>
      {locale === 'zh' ? 'EN' : '中'}
    </button>
  );
}

function Header({ streetName, signedIn }: { streetName?: string; signedIn: boolean }) {
  const { t } = useI18n();
  const { logout } = useAuth();
  return (
    <header className="pg-header">
      <a className="pg-brand" href="/" title={t('phone.homeTitle')} data-testid="phone-home">
        {t('app.name')}
      </a>
      {streetName ? (
        <span className="pg-street" data-testid="street-name">
          {streetName}
        </span>
      ) : (
        <span className="pg-street" />
      )}
      <LanguageButton />
      {signedIn ? (
        <>
          <a className="pg-header-button" href="/" title={t('phone.homeTitle')}>
            {t('phone.home')}
          </a>
          <button type="button" className="pg-header-button" data-testid="logout" onClick={() => void logout().then(() => window.location.assign('/login'))}>
            {t('header.logout')}
          </button>
        </>
      ) : null}
    </header>
  );
}

function toLogin() {
  const { pathname, search } = window.location;
  window.location.assign(`/login?next=${encodeURIComponent(pathname + search)}`);
}

/**
 * A signed-in phone page: the session check of the antd app (same /api/auth/me, same permissions). The page
 * renders while the check is in flight, so its own requests go out beside it instead of after it; a visitor
 * without a session goes to the login page (as any 401 does), one without the permission sees 无权访问.
 */
function SignedIn({ permission, children }: { permission: string; children: ReactNode }) {
  const { t } = useI18n();
  const { me, isLoading, can } = useAuth();
  useEffect(() => {
    if (!isLoading && !me) toLogin();
  }, [isLoading, me]);
  if (!isLoading && !me) return <Spinner label={t('app.loading')} />;
  return (
    <>
      <Header streetName={me?.user.tenant.name} signedIn />
      <main className="pg-main">
        {!me || can(permission) ? (
          children
        ) : (
          <div className="pg-result" data-testid="forbidden">
            <h1>{t('page.forbidden.title')}</h1>
            <p>{t('page.forbidden.subtitle')}</p>
            <a className="pg-button pg-button-default" href="/">
              {t('page.backHome')}
            </a>
          </div>
        )}
      </main>
    </>
  );
}

/**
 * The light phone shell: the phone pages without antd (decision 0009). `catalogues` is the page's own feature
 * catalogue (the core one is always merged), loaded beside the page (decision 0015); keep the array stable.
 */
export function PhoneApp({ route, page: Page, catalogues }: { route: PhoneRoute; page: ComponentType; catalogues: readonly MessageCatalogues[] }) {
  return (
    <QueryClientProvider client={queryClient}>
      <I18nProvider catalogues={catalogues}>
        <div className="pg-app">
          <Toasts />
          {route.permission ? (
            <AuthProvider>
              <SignedIn permission={route.permission}>
                <Page />
              </SignedIn>
            </AuthProvider>
          ) : (
            <main className="pg-main">
              <Page />
            </main>
          )}
        </div>
      </I18nProvider>
    </QueryClientProvider>
  );
}
