import { Button, Card, Descriptions, List, Modal, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useParams } from 'react-router';
import { useAuth } from '../../app/auth';
import { useT } from '../../i18n/i18n-context';
import { ErrorAlert } from '../../ui/error-alert';
import { PageHeader } from '../../ui/page-header';
import { HouseholdForm } from './households-page';
import { useHousehold, useUpdateHousehold, type ActivityItem } from './work-hooks';

function Activities({ items }: { items: ActivityItem[] }) {
  const t = useT();
  return (
    <List
      size="small"
      dataSource={items}
      locale={{ emptyText: t('points.households.none') }}
      renderItem={(a) => (
        <List.Item>
          <List.Item.Meta
            title={
              <Space wrap>
                <span>{a.occurredOn}</span>
                <Tag>{t(`points.category.${a.kind}`)}</Tag>
                <span>{a.memberName}</span>
              </Space>
            }
            description={a.summary}
          />
        </List.Item>
      )}
    />
  );
}

/** A household's page: its details and every visit, pairing (with each help) and case about it. */
export default function HouseholdPage() {
  const t = useT();
  const { id = '' } = useParams();
  const { can } = useAuth();
  const q = useHousehold(id);
  const update = useUpdateHousehold(id);
  const [editing, setEditing] = useState(false);
  const h = q.data;
  return (
    <div style={{ maxWidth: 900 }}>
      <PageHeader
        title={h?.address ?? ''}
        subtitle={h ? `${h.orgName}${h.gridName ? ` · ${h.gridName}` : ''}` : null}
        extra={can('household.write') && h ? <Button onClick={() => setEditing(true)}>{t('points.households.edit')}</Button> : null}
      />
      <ErrorAlert error={q.error} />
      {h ? (
        <Space direction="vertical" style={{ width: '100%' }}>
          <Card size="small">
            <Descriptions size="small" column={{ xs: 1, sm: 2 }}>
              <Descriptions.Item label={t('points.households.head')}>{h.headName}</Descriptions.Item>
              <Descriptions.Item label={t('points.households.phone')}>{h.headPhoneMasked ?? '-'}</Descriptions.Item>
              <Descriptions.Item label={t('points.households.size')}>{h.size}</Descriptions.Item>
              <Descriptions.Item label={t('points.households.tag')}>{h.tags.map((x) => <Tag key={x}>{x}</Tag>)}</Descriptions.Item>
            </Descriptions>
          </Card>
          <Card size="small" title={`${t('points.households.visits')} (${h.visits.length})`} data-testid="household-visits">
            <Activities items={h.visits} />
          </Card>
          <Card size="small" title={`${t('points.households.pairings')} (${h.pairings.length})`}>
            {h.pairings.length === 0 ? <Typography.Text type="secondary">{t('points.households.none')}</Typography.Text> : null}
            {h.pairings.map((p) => (
              <div key={p.id} style={{ marginBottom: 8 }}>
                <Typography.Text strong>{p.memberName}</Typography.Text>{' '}
                <Typography.Text type="secondary">
                  {t('points.households.since', { date: p.startedOn })} · {t('points.households.helps', { n: p.helps.length })}
                </Typography.Text>
                <Activities items={p.helps} />
              </div>
            ))}
          </Card>
          <Card size="small" title={`${t('points.households.cases')} (${h.cases.length})`}>
            <Activities items={h.cases} />
          </Card>
        </Space>
      ) : null}
      <Modal open={editing} title={t('points.households.edit')} footer={null} onCancel={() => setEditing(false)} destroyOnHidden>
        {h ? (
          <HouseholdForm
            withOrg={false}
            initial={{ address: h.address, headName: h.headName, size: h.size, tags: h.tags }}
            busy={update.isPending}
            onSubmit={async (v) => {
              // An empty phone field keeps the stored number (it is never sent back to the browser).
              await update.mutateAsync({ address: v.address, headName: v.headName, size: v.size, tags: v.tags, ...(v.headPhone ? { headPhone: v.headPhone } : {}) });
              setEditing(false);
            }}
          />
        ) : null}
      </Modal>
    </div>
  );
}
