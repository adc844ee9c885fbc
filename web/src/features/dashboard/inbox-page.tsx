import { List, Tag, Typography } from 'antd';
import { Link } from 'react-router';
import { useT } from '../../i18n/i18n-context';
import { ErrorAlert } from '../../ui/error-alert';
import { PageHeader } from '../../ui/page-header';
import { useInbox } from './hooks';

const severityColor = { overdue: 'red', warning: 'orange', info: 'blue' } as const;

/** The user's to-dos from every module, overdue first; phone-first. */
export default function InboxPage() {
  const t = useT();
  const inbox = useInbox();
  return (
    <div>
      <PageHeader title={t('dashboard.inbox')} />
      <ErrorAlert error={inbox.error} style={{ marginBottom: 16 }} />
      <List
        loading={inbox.isLoading}
        locale={{ emptyText: t('dashboard.inbox.empty') }}
        dataSource={inbox.data?.items ?? []}
        renderItem={(i) => (
          <List.Item>
            <List.Item.Meta
              title={
                <Link to={i.link}>
                  {i.title}
                  {i.count ? ` (${i.count})` : ''}
                </Link>
              }
              description={
                <>
                  <Tag color={severityColor[i.severity]}>{i.severity}</Tag>
                  {i.escalated ? <Tag color="volcano">{t('dashboard.inbox.escalated')}</Tag> : null}
                  {i.dueAt ? <Typography.Text type="secondary">{t('dashboard.inbox.due', { date: i.dueAt.slice(0, 10) })}</Typography.Text> : null}
                </>
              }
            />
          </List.Item>
        )}
      />
    </div>
  );
}
