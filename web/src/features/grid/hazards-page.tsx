import { DownloadOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Card, Col, List, Row, Segmented, Select, Space, Statistic, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { useT } from '../../i18n/i18n-context';
import { download } from '../../ui/api';
import { ErrorAlert } from '../../ui/error-alert';
import { formatDateTime } from '../../ui/format';
import { PageHeader } from '../../ui/page-header';
import { hazardCategories, useHazardFigures, useHazards, type HazardCategory, type HazardFilters } from './hooks';
import { hazardStatusColors } from './status-colors';

const thisYear = new Date().getFullYear();
const years = [thisYear, thisYear - 1, 2018].filter((y, i, a) => a.indexOf(y) === i);

/** Hazard list (keyset “load more”, phone-friendly) with the year's figures on top. */
export default function HazardsPage() {
  const t = useT();
  const navigate = useNavigate();
  const [year, setYear] = useState(2018);
  const [view, setView] = useState<'all' | 'mine' | 'overdue'>('all');
  const [category, setCategory] = useState<HazardCategory | undefined>();
  const filters: HazardFilters = { category, mine: view === 'mine' ? 'true' : undefined, overdue: view === 'overdue' ? 'true' : undefined };
  const list = useHazards(filters);
  const figures = useHazardFigures(`${year}-01-01`, `${year}-12-31`);
  const items = list.data?.pages.flatMap((p) => p.items) ?? [];

  return (
    <div>
      <PageHeader
        title={t('grid.hazards')}
        extra={
          <>
            <Button type="primary" icon={<PlusOutlined />} onClick={() => navigate('/hazards/new')} data-testid="hazard-new">
              {t('grid.report')}
            </Button>
            <Button icon={<DownloadOutlined />} onClick={() => void download(`/api/hazards/export.xlsx?from=${year}-01-01&to=${year}-12-31`)}>
              {t('grid.export')}
            </Button>
          </>
        }
      />
      <Card size="small" style={{ marginBottom: 12 }} title={<Space wrap>{t('grid.figures.year')}<Select size="small" value={year} onChange={setYear} options={years.map((y) => ({ value: y, label: String(y) }))} /></Space>}>
        <ErrorAlert error={figures.error} />
        <Row gutter={[12, 12]}>
          {(figures.data?.figures ?? []).map((f) => (
            <Col key={f.id} xs={12} sm={8} md={6} lg={3}>
              <Statistic title={f.name} value={f.value} suffix={f.unit === '%' ? '%' : f.unit} data-testid={`figure-${f.id}`} />
              {f.reported ? <Typography.Text type="secondary" style={{ fontSize: 12 }}>{t('grid.figures.reported', { text: f.reported.text })}</Typography.Text> : null}
            </Col>
          ))}
        </Row>
        {/* The figures count one year's reports while the map and the overdue list count today's open hazards. */}
        <Typography.Paragraph type="secondary" style={{ fontSize: 12, margin: '12px 0 0' }} data-testid="figures-scope">
          {t('grid.figures.scope', { year })}
        </Typography.Paragraph>
      </Card>
      <Space wrap style={{ marginBottom: 12 }}>
        <Segmented
          value={view}
          onChange={(v) => setView(v as typeof view)}
          options={[
            { value: 'all', label: t('grid.filter.all') },
            { value: 'mine', label: t('grid.filter.mine') },
            { value: 'overdue', label: t('grid.filter.overdue') },
          ]}
        />
        <Select allowClear style={{ minWidth: 140 }} placeholder={t('grid.field.category')} value={category} onChange={setCategory} options={hazardCategories.map((c) => ({ value: c, label: t(`grid.category.${c}`) }))} />
      </Space>
      <ErrorAlert error={list.error} />
      <List
        loading={list.isLoading}
        dataSource={items}
        data-testid="hazard-list"
        renderItem={(h) => (
          <List.Item>
            <List.Item.Meta
              title={
                <Space wrap>
                  <Link to={`/hazards/${h.id}`}>{t(`grid.category.${h.category}`)}</Link>
                  <Tag color={h.overdue ? 'red' : hazardStatusColors[h.status]}>{h.overdue ? t('grid.rect.light.red') : t(`grid.status.${h.status}`)}</Tag>
                </Space>
              }
              description={`${formatDateTime(h.reportedAt)} · ${h.orgName}${h.gridName ? ` ${h.gridName}` : ''} · ${h.description}`}
            />
          </List.Item>
        )}
      />
      {list.hasNextPage ? (
        <Button block onClick={() => void list.fetchNextPage()} loading={list.isFetchingNextPage}>
          {t('grid.loadMore')}
        </Button>
      ) : null}
    </div>
  );
}
