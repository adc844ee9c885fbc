import { createElement, lazy } from 'react';

/** A lazy route element for a stub feature: `element: lazyPlaceholder('members.menu')` shows "<label> · 建设中". */
export function lazyPlaceholder(titleKey: string) {
  return lazy(async () => {
    const { UnderConstructionPage } = await import('./under-construction-page');
    return {
      default: function Placeholder() {
        return createElement(UnderConstructionPage, { titleKey });
      },
    };
  });
}
