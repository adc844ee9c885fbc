import { QueryClientProvider } from '@tanstack/react-query';
import { App as AntApp, ConfigProvider } from 'antd';
import enUS from 'antd/locale/en_US';
import zhCN from 'antd/locale/zh_CN';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import { BrowserRouter } from 'react-router';
import { I18nProvider, useI18n } from '../i18n/i18n-context';
import { ErrorToastBridge } from '../ui/error-alert';
import { usePrefersReducedMotion } from '../ui/use-reduced-motion';
import { AppRoutes } from './app-routes';
import { AuthProvider } from './auth';
import { featureCatalogues } from './features';
import { createQueryClient } from './query-client';

const queryClient = createQueryClient();

const brand = { colorPrimary: '#c8161d', borderRadius: 6 };
const themes = { animated: { token: { ...brand, motion: true } }, still: { token: { ...brand, motion: false } } };

function LocalisedApp() {
  const { locale } = useI18n();
  const theme = usePrefersReducedMotion() ? themes.still : themes.animated;
  // Set before rendering (not in an effect) so date pickers mounted in this render use it.
  dayjs.locale(locale === 'zh' ? 'zh-cn' : 'en');
  return (
    <ConfigProvider locale={locale === 'zh' ? zhCN : enUS} theme={theme}>
      <AntApp>
        <ErrorToastBridge />
        <BrowserRouter>
          <AuthProvider>
            <AppRoutes />
          </AuthProvider>
        </BrowserRouter>
      </AntApp>
    </ConfigProvider>
  );
}

export function App() {
  return (
    <QueryClientProvider client={queryClient}>
      <I18nProvider catalogues={featureCatalogues}>
        <LocalisedApp />
      </I18nProvider>
    </QueryClientProvider>
  );
}
