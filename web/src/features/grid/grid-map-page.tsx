import { Alert, Card, Flex, Space, Tag, Typography } from 'antd';
import type { EChartsOption } from 'echarts';
import { useMemo } from 'react';
import { useNavigate } from 'react-router';
import { useT } from '../../i18n/i18n-context';
import { Chart } from '../../ui/chart';
import { ErrorAlert } from '../../ui/error-alert';
import { PageHeader } from '../../ui/page-header';
import { RowsOrCards } from '../../ui/rows-or-cards';
import { outerRings } from './boundary-rings';
import { useGrids, useMapHazards, type Grid } from './hooks';

/** Grids drawn from their uploaded GeoJSON and open hazards as points, on plain lng/lat axes (no tile server needed). */
export default function GridMapPage() {
  const t = useT();
  const navigate = useNavigate();
  const grids = useGrids();
  const hazards = useMapHazards();

  const option = useMemo<EChartsOption>(() => {
    const gridSeries = (grids.data?.items ?? []).flatMap((g) =>
      outerRings(g).map((ring) => ({
        type: 'line' as const,
        name: t('grid.map.grids'),
        data: ring.map(([lng, lat]) => [lng, lat]),
        showSymbol: false,
        silent: true,
        lineStyle: { width: 1, color: '#5470c6' },
        areaStyle: undefined,
        tooltip: { show: false },
      })),
    );
    const items = hazards.data?.items ?? [];
    return {
      animation: false,
      tooltip: { trigger: 'item', formatter: (p: unknown) => String((p as { data: { name?: string } }).data?.name ?? '') },
      legend: { data: [t('grid.map.hazards'), t('grid.map.overdue')], top: 0 },
      grid: { left: 8, right: 8, top: 32, bottom: 8, containLabel: true },
      xAxis: { type: 'value', scale: true, axisLabel: { show: false }, splitLine: { show: false } },
      yAxis: { type: 'value', scale: true, axisLabel: { show: false }, splitLine: { show: false } },
      series: [
        ...gridSeries,
        {
          type: 'scatter',
          name: t('grid.map.hazards'),
          symbolSize: 7,
          itemStyle: { color: '#faad14' },
          data: items.filter((h) => !h.overdue).map((h) => ({ value: [h.lng, h.lat], name: `${t(`grid.category.${h.category}`)}：${h.description}`, id: h.id })),
        },
        {
          type: 'scatter',
          name: t('grid.map.overdue'),
          symbolSize: 10,
          itemStyle: { color: '#f5222d' },
          data: items.filter((h) => h.overdue).map((h) => ({ value: [h.lng, h.lat], name: `${t(`grid.category.${h.category}`)}：${h.description}`, id: h.id })),
        },
      ],
    };
  }, [grids.data, hazards.data, t]);

  return (
    <div>
      <PageHeader title={t('grid.map.title')} />
      <ErrorAlert error={grids.error ?? hazards.error} />
      {hazards.data?.truncated ? <Alert type="info" title={t('grid.map.truncated')} style={{ marginBottom: 8 }} /> : null}
      <Card size="small" style={{ marginBottom: 12 }}>
        <Chart
          option={option}
          height={420}
          onClick={(p) => {
            const data = p.value as unknown;
            const hit = (hazards.data?.items ?? []).find((h) => Array.isArray(data) && h.lng === data[0] && h.lat === data[1]);
            if (hit) navigate(`/hazards/${hit.id}`);
          }}
        />
      </Card>
      {/* A phone gets one card per grid: six table columns in 375 px left the name one character wide. */}
      <RowsOrCards<Grid>
        items={grids.data?.items ?? []}
        loading={grids.isLoading}
        rowKey="id"
        size="small"
        pagination={{ pageSize: 20, showSizeChanger: false }}
        columns={[
          { title: t('grid.list.grid'), dataIndex: 'name' },
          { title: t('grid.list.org'), dataIndex: 'orgName' },
          { title: t('grid.list.buildings'), dataIndex: 'buildingCount' },
          { title: t('grid.list.households'), dataIndex: 'householdCount' },
          { title: t('grid.list.staff'), dataIndex: 'staff', render: (staff: Grid['staff']) => <StaffTags staff={staff} /> },
          { title: t('grid.list.groups'), dataIndex: 'groups', render: (groups: Grid['groups']) => groups.map((g) => g.name).join('、') },
        ]}
        cardProps={(g) => ({ title: g.name, extra: g.orgName, 'data-testid': 'grid-card' })}
        renderCard={(g) => (
          <Flex vertical gap={6}>
            <Typography.Text type="secondary">{`${t('grid.list.buildings')} ${g.buildingCount} · ${t('grid.list.households')} ${g.householdCount}`}</Typography.Text>
            <StaffTags staff={g.staff} />
            {g.groups.length > 0 ? <Typography.Text type="secondary">{`${t('grid.list.groups')}：${g.groups.map((x) => x.name).join('、')}`}</Typography.Text> : null}
          </Flex>
        )}
      />
    </div>
  );
}

function StaffTags({ staff }: { staff: Grid['staff'] }) {
  const t = useT();
  return (
    <Space wrap size={4}>
      {staff.map((s) => (
        <Tag key={`${s.userId}-${s.role}`} color={s.role === 'head' ? 'blue' : undefined}>{`${s.name}（${t(`grid.staff.${s.role}`)}）`}</Tag>
      ))}
    </Space>
  );
}
