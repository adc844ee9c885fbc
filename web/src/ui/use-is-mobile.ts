import { Grid } from 'antd';

/** True below antd's `md` breakpoint (768 px): phones get drawers, cards and stacked forms. */
export function useIsMobile(): boolean {
  const screens = Grid.useBreakpoint();
  // Before the first measurement every breakpoint is undefined; fall back to the window width.
  if (screens.md === undefined) return typeof window !== 'undefined' && window.innerWidth < 768;
  return !screens.md;
}
