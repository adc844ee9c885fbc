import { Button, Card, List, Progress, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import { useAuth } from '../../app/auth';
import { useT } from '../../i18n/i18n-context';
import { ErrorAlert } from '../../ui/error-alert';
import { PageHeader } from '../../ui/page-header';
import { useTours } from './hooks';
import { TourFormModal } from './tour-forms';

const stateColor = { planned: 'default', in_progress: 'processing', completed: 'success' } as const;

export default function ToursPage() {
  const t = useT();
  const { can } = useAuth();
  const [planning, setPlanning] = useState(false);
  const query = useTours();
  return (
    <>
      <PageHeader
        title={t('partyWork.tours')}
        subtitle={t('partyWork.tours.subtitle')}
        extra={
          can('tour.write') ? (
            <Button type="primary" onClick={() => setPlanning(true)}>
              {t('partyWork.tours.plan')}
            </Button>
          ) : null
        }
      />
      {planning ? <TourFormModal onClose={() => setPlanning(false)} /> : null}
      {query.error ? <ErrorAlert error={query.error} /> : null}
      <List
        loading={query.isPending}
        dataSource={query.data?.items ?? []}
        renderItem={(tour) => (
          <List.Item>
            <Card size="small" style={{ width: '100%' }} title={<Typography.Text strong>{tour.title}</Typography.Text>} extra={<Tag color={stateColor[tour.state]}>{t(`partyWork.tours.state.${tour.state}`)}</Tag>}>
              <Space direction="vertical" style={{ width: '100%' }}>
                <Typography.Text type="secondary">
                  {tour.plannedOn} · {tour.orgName}
                </Typography.Text>
                <Progress percent={tour.stopCount ? Math.round((tour.scoredCount * 100) / tour.stopCount) : 0} size="small" format={() => t('partyWork.tours.progress', { scored: tour.scoredCount, total: tour.stopCount })} />
                <Space wrap>
                  <Tag>{t('partyWork.tours.findings', { count: tour.findingCount })}</Tag>
                  <Link to={`/tours/${tour.id}`}>
                    <Button type="primary" size="small">
                      {t('partyWork.tours.open')}
                    </Button>
                  </Link>
                </Space>
              </Space>
            </Card>
          </List.Item>
        )}
      />
    </>
  );
}
