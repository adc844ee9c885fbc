import type { MenuProps } from 'antd';
import type { Translate } from '../i18n/i18n-context';
import { menuGroups, type FeatureManifest, type FeatureMenuItem } from './feature-manifest';

type MenuItems = NonNullable<MenuProps['items']>;

/** The menu entries the user may see, in feature order. */
export function visibleMenuEntries(
  features: readonly FeatureManifest[],
  can: (permission?: string) => boolean,
): FeatureMenuItem[] {
  return features.flatMap((feature) => feature.menu).filter((entry) => can(entry.permission));
}

/** antd Menu items: ungrouped entries first, then one titled group per menu group. */
export function buildMenuItems(entries: FeatureMenuItem[], t: Translate): MenuItems {
  const toItem = (entry: FeatureMenuItem) => ({ key: entry.path, icon: entry.icon, label: t(entry.labelKey) });
  const items: MenuItems = entries.filter((entry) => !entry.group).map(toItem);
  const groupOrder: string[] = [...menuGroups];
  for (const entry of entries) {
    if (entry.group && !groupOrder.includes(entry.group)) groupOrder.push(entry.group);
  }
  for (const group of groupOrder) {
    const children = entries.filter((entry) => entry.group === group).map(toItem);
    if (children.length > 0) {
      items.push({ type: 'group', key: `group:${group}`, label: t(`menu.group.${group}`), children });
    }
  }
  return items;
}

/** The menu path that best matches the location (longest prefix), for highlighting. */
export function selectedMenuKey(entries: FeatureMenuItem[], pathname: string): string | undefined {
  let best: string | undefined;
  for (const { path } of entries) {
    const matches = path === '/' ? pathname === '/' : pathname === path || pathname.startsWith(`${path}/`);
    if (matches && (!best || path.length > best.length)) best = path;
  }
  return best;
}
