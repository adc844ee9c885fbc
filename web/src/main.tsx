import { StrictMode, startTransition, type ComponentType } from 'react';
import { createRoot } from 'react-dom/client';
import { matchPhoneRoute } from './phone/phone-routes';

/**
 * The entry stays tiny (decision 0009): it picks the shell from the URL. A phone page loads the light phone
 * shell and its page in parallel (no antd, no dayjs, no echarts); every other path loads the antd app.
 */
const container = document.getElementById('root');
if (!container) throw new Error('index.html has no #root element');
const root = createRoot(container);

function render(Shell: ComponentType) {
  root.render(
    <StrictMode>
      <Shell />
    </StrictMode>,
  );
}

const phoneRoute = matchPhoneRoute(window.location.pathname);
if (phoneRoute) {
  void Promise.all([import('./phone/phone-app'), phoneRoute.load(), phoneRoute.messages()]).then(([{ PhoneApp }, { default: Page }, messages]) => {
    const catalogues = [messages];
    // A transition renders in slices that yield to the browser, so the first render of a phone page is not one
    // long task on a slow phone (TBT); the page's own requests still start in that render.
    startTransition(() => render(() => <PhoneApp route={phoneRoute} page={Page} catalogues={catalogues} />));
  });
} else {
  void import('./app/app').then(({ App }) => render(App));
}
