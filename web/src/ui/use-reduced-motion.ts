import { useSyncExternalStore } from 'react';

/** One query list for the page's life; reading `.matches` is cheap, asking `matchMedia` each render is not. */
let list: MediaQueryList | null | undefined;
const media = () => (list ??= typeof window.matchMedia === 'function' ? window.matchMedia('(prefers-reduced-motion: reduce)') : null);

function subscribe(onChange: () => void): () => void {
  media()?.addEventListener('change', onChange);
  return () => media()?.removeEventListener('change', onChange);
}

/**
 * True when the person asked the system for less motion (WCAG 2.3.3). antd animates every modal,
 * drawer and message; the app turns that off for them (theme token `motion: false`), and the browser
 * tests ask for it too, so a click never lands on a dialog that is still zooming in.
 */
export function usePrefersReducedMotion(): boolean {
  return useSyncExternalStore(subscribe, () => media()?.matches ?? false);
}
