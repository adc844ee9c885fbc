import { App, Button, Flex, List, Popconfirm, Radio, Select, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useT } from '../../i18n/i18n-context';
import { ErrorAlert, showError } from '../../ui/error-alert';
import { useAssignStaff, useBuildings, useGroupCandidates, useLinkGroup, useRemoveStaff, useSetBuildingGroup, useStaffCandidates, useUnlinkGroup, type Building } from './admin-hooks';
import type { Grid } from './hooks';

/** 网格员 and 网格长 posted to one grid: add from the people whose scope covers it, remove. */
export function GridStaffPanel({ grid }: { grid: Grid }) {
  const t = useT();
  const { message } = App.useApp();
  const candidates = useStaffCandidates(grid.id);
  const assign = useAssignStaff();
  const remove = useRemoveStaff();
  const [userId, setUserId] = useState<string | undefined>();
  const [role, setRole] = useState<'worker' | 'head'>('worker');
  const run = async (p: Promise<unknown>) => {
    try {
      await p;
      void message.success(t('grid.admin.saved'));
    } catch (e) {
      showError(e);
    }
  };
  return (
    <Flex vertical gap={12}>
      <List
        size="small"
        locale={{ emptyText: t('grid.admin.staffEmpty') }}
        dataSource={grid.staff}
        renderItem={(s) => (
          <List.Item
            actions={[
              <Popconfirm key="rm" title={t('grid.admin.removeConfirm')} onConfirm={() => run(remove.mutateAsync({ id: grid.id, userId: s.userId }))}>
                <Button size="small" danger>
                  {t('grid.admin.remove')}
                </Button>
              </Popconfirm>,
            ]}
          >
            <span>
              {s.name} <Tag color={s.role === 'head' ? 'blue' : undefined}>{t(`grid.staff.${s.role}`)}</Tag>
            </span>
          </List.Item>
        )}
      />
      <ErrorAlert error={candidates.error} />
      <Flex wrap gap={8} align="center">
        <Select
          style={{ minWidth: 200, flex: 1 }}
          placeholder={t('grid.admin.pickUser')}
          value={userId}
          onChange={setUserId}
          loading={candidates.isLoading}
          showSearch
          optionFilterProp="label"
          options={(candidates.data?.items ?? []).map((c) => ({ value: c.userId, label: `${c.name}（${c.scopeName}）` }))}
        />
        <Radio.Group value={role} onChange={(e) => setRole(e.target.value as 'worker' | 'head')} optionType="button">
          <Radio.Button value="worker">{t('grid.staff.worker')}</Radio.Button>
          <Radio.Button value="head">{t('grid.staff.head')}</Radio.Button>
        </Radio.Group>
        <Button type="primary" disabled={!userId} loading={assign.isPending} onClick={() => userId && run(assign.mutateAsync({ id: grid.id, userId, role }))}>
          {t('grid.admin.assign')}
        </Button>
      </Flex>
    </Flex>
  );
}

/** The 楼院党小组 a grid's buildings are served by: link to the grid, and set per building. */
export function GridGroupsPanel({ grid }: { grid: Grid }) {
  const t = useT();
  const { message } = App.useApp();
  const candidates = useGroupCandidates(grid.id);
  const buildings = useBuildings(grid.id);
  const link = useLinkGroup();
  const unlink = useUnlinkGroup();
  const setGroup = useSetBuildingGroup();
  const [groupId, setGroupId] = useState<string | undefined>();
  const run = async (p: Promise<unknown>) => {
    try {
      await p;
      void message.success(t('grid.admin.saved'));
    } catch (e) {
      showError(e);
    }
  };
  const groupOptions = (candidates.data?.items ?? []).map((c) => ({ value: c.orgId, label: c.name }));
  return (
    <Flex vertical gap={12}>
      <List
        size="small"
        locale={{ emptyText: t('grid.admin.groupsEmpty') }}
        dataSource={grid.groups}
        renderItem={(g) => (
          <List.Item
            actions={[
              <Button key="unlink" size="small" onClick={() => run(unlink.mutateAsync({ id: grid.id, groupOrgId: g.orgId }))}>
                {t('grid.admin.unlink')}
              </Button>,
            ]}
          >
            {g.name}
          </List.Item>
        )}
      />
      <Flex wrap gap={8}>
        <Select style={{ minWidth: 200, flex: 1 }} placeholder={t('grid.admin.pickGroup')} value={groupId} onChange={setGroupId} loading={candidates.isLoading} options={groupOptions} />
        <Button type="primary" disabled={!groupId} loading={link.isPending} onClick={() => groupId && run(link.mutateAsync({ id: grid.id, groupOrgId: groupId }))}>
          {t('grid.admin.link')}
        </Button>
      </Flex>
      <Typography.Title level={5} style={{ margin: 0 }}>
        {t('grid.admin.buildings')}
      </Typography.Title>
      <ErrorAlert error={buildings.error} />
      <Table<Building>
        rowKey="id"
        size="small"
        pagination={false}
        loading={buildings.isLoading}
        dataSource={buildings.data?.items ?? []}
        scroll={{ x: true }}
        columns={[
          { title: t('grid.admin.building'), dataIndex: 'name' },
          {
            title: t('grid.admin.buildingGroup'),
            dataIndex: 'groupOrgId',
            render: (value: string | null, b) => (
              <Select
                size="small"
                style={{ minWidth: 160 }}
                value={value ?? ''}
                options={[{ value: '', label: t('grid.admin.none') }, ...groupOptions]}
                onChange={(v: string) => run(setGroup.mutateAsync({ buildingId: b.id, groupOrgId: v || null }))}
              />
            ),
          },
        ]}
      />
    </Flex>
  );
}
