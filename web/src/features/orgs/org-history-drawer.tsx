import { Drawer, Empty, Spin, Timeline, Typography } from 'antd';
import { useI18n } from '../../i18n/i18n-context';
import { ErrorAlert } from '../../ui/error-alert';
import { formatDate } from '../../ui/format';
import { useIsMobile } from '../../ui/use-is-mobile';
import { useOrgHistory } from './hooks';
import type { OrgUnit } from './org-units';

const changeColors: Record<string, string> = { create: 'green', rename: 'blue', move: 'orange', close: 'gray' };

export function OrgHistoryDrawer({ unit, onClose }: { unit: OrgUnit; onClose: () => void }) {
  const { t, has } = useI18n();
  const isMobile = useIsMobile();
  const history = useOrgHistory(unit.id);
  const items = history.data?.items ?? [];

  return (
    <Drawer open onClose={onClose} size={isMobile ? '100%' : 480} title={t('orgs.history.title', { name: unit.name })} data-testid="org-history">
      <ErrorAlert error={history.error} />
      {history.isPending ? <Spin /> : null}
      {history.isSuccess && items.length === 0 ? <Empty /> : null}
      <Timeline
        items={items.map((entry, index) => ({
          key: `${entry.validFrom}-${index}`,
          color: changeColors[entry.change] ?? 'blue',
          title: `${formatDate(entry.validFrom)} → ${entry.validTo ? formatDate(entry.validTo) : t('orgs.history.untilNow')}`,
          content: (
            <div>
              <Typography.Text strong>{has(`orgs.change.${entry.change}`) ? t(`orgs.change.${entry.change}`) : entry.change}</Typography.Text>
              <div>{entry.name}</div>
              {entry.parentName ? <Typography.Text type="secondary">{t('orgs.history.parent', { name: entry.parentName })}</Typography.Text> : null}
              {entry.changedByName ? (
                <div>
                  <Typography.Text type="secondary">{t('orgs.history.changedBy', { name: entry.changedByName })}</Typography.Text>
                </div>
              ) : null}
            </div>
          ),
        }))}
      />
    </Drawer>
  );
}
