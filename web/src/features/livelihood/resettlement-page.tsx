import { Button, Card, Col, Descriptions, Drawer, Empty, Flex, Progress, Row, Statistic, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useI18n } from '../../i18n/i18n-context';
import { download } from '../../ui/api';
import { Chart } from '../../ui/chart';
import { ErrorAlert, showError } from '../../ui/error-alert';
import { PageHeader } from '../../ui/page-header';
import { useIsMobile } from '../../ui/use-is-mobile';
import { ledgerUrl, percentText, useProject, useProjects, type Milestone, type Project, type Rates } from './hooks';

function RateCards({ rates }: { rates: Rates }) {
  const { t } = useI18n();
  const cards = [
    { key: 'start', title: t('livelihood.rs.startRate'), value: rates.startRate, sub: t('livelihood.rs.phases', { n: rates.phasesStarted, d: rates.phasesPlanned }) },
    { key: 'move', title: t('livelihood.rs.moveBackRate'), value: rates.moveBackRate, sub: t('livelihood.rs.households', { n: rates.householdsMovedBack, d: rates.householdsToResettle }) },
    { key: 'contract', title: t('livelihood.rs.contractRate'), value: rates.contractRate, sub: t('livelihood.rs.units', { n: rates.unitsSigned, d: rates.unitsAllocated }) },
  ];
  return (
    <Row gutter={[12, 12]}>
      {cards.map((c) => (
        <Col key={c.key} xs={24} sm={8}>
          <Card size="small" data-testid={`rate-${c.key}`}>
            <Statistic title={c.title} value={c.value ?? '—'} suffix={c.value === null ? undefined : '%'} />
            <Typography.Text type="secondary">{c.sub}</Typography.Text>
          </Card>
        </Col>
      ))}
    </Row>
  );
}

function milestoneTag(m: Milestone, t: (k: string) => string) {
  if (m.late) return <Tag color="red">{t('livelihood.rs.late')}</Tag>;
  if (m.completedOn) return <Tag color="green">{t('livelihood.rs.done')}</Tag>;
  if (m.startedOn) return <Tag color="blue">{t('livelihood.rs.inProgress')}</Tag>;
  return <Tag>{t('livelihood.rs.notStarted')}</Tag>;
}

function ProjectDrawer({ id, onClose }: { id: string | null; onClose: () => void }) {
  const { t } = useI18n();
  const mobile = useIsMobile();
  const detail = useProject(id);
  const p = detail.data;
  return (
    <Drawer open={id !== null} onClose={onClose} size={mobile ? 'default' : 'large'} width={mobile ? '100%' : 760} title={p?.name}>
      <ErrorAlert error={detail.error} />
      {p ? (
        <Flex vertical gap={16}>
          <Typography.Paragraph type="secondary">{p.note}</Typography.Paragraph>
          {p.phases.map((ph) => (
            <Card key={ph.id} size="small" title={ph.name} extra={<Typography.Text type="secondary">{ph.buildings.length ? `${t('livelihood.rs.buildings')} ${ph.buildings.length}` : ''}</Typography.Text>}>
              <Descriptions size="small" column={{ xs: 1, sm: 3 }} items={[
                { key: 's', label: t('livelihood.rs.startRate'), children: percentText(ph.rates.startRate) },
                { key: 'm', label: t('livelihood.rs.moveBackRate'), children: `${percentText(ph.rates.moveBackRate)}（${ph.rates.householdsMovedBack}/${ph.rates.householdsToResettle}）` },
                { key: 'c', label: t('livelihood.rs.contractRate'), children: `${percentText(ph.rates.contractRate)}（${ph.rates.unitsSigned}/${ph.rates.unitsAllocated}）` },
              ]} />
              <Typography.Text strong>{t('livelihood.rs.timeline')}</Typography.Text>
              <Table
                size="small"
                rowKey="id"
                pagination={false}
                scroll={{ x: 'max-content' }}
                dataSource={ph.milestones}
                columns={[
                  { title: '', dataIndex: 'label' },
                  { title: t('livelihood.rs.planned'), dataIndex: 'plannedOn' },
                  { title: t('livelihood.rs.started'), dataIndex: 'startedOn' },
                  { title: t('livelihood.rs.completed'), dataIndex: 'completedOn' },
                  { title: t('livelihood.state'), key: 'tag', render: (_: unknown, m: Milestone) => milestoneTag(m, t) },
                ]}
              />
            </Card>
          ))}
        </Flex>
      ) : null}
    </Drawer>
  );
}

function ProjectCard({ p, onOpen }: { p: Project; onOpen: () => void }) {
  const { t } = useI18n();
  return (
    <Card size="small" hoverable onClick={onOpen} title={p.name} extra={p.auditState === 'audited' ? <Tag color="green">{t('livelihood.rs.audited')}</Tag> : null}>
      <Typography.Text type="secondary">{p.orgName}</Typography.Text>
      {p.kind === 'upgrade' ? (
        <div>
          <div>{t('livelihood.rs.completedArea', { area: p.completedAreaM2 })}</div>
          <div>{`${t('livelihood.rs.sites')}：${p.sites.join('、')}`}</div>
          <div>{`${t('livelihood.rs.investment')}：${p.investmentFen / 1e6}`}</div>
        </div>
      ) : (
        <Flex vertical gap={4} style={{ marginTop: 8 }}>
          {[
            [t('livelihood.rs.startRate'), p.rates.startRate],
            [t('livelihood.rs.moveBackRate'), p.rates.moveBackRate],
            [t('livelihood.rs.contractRate'), p.rates.contractRate],
          ].map(([label, v]) => (
            <Flex key={String(label)} align="center" gap={8}>
              <span style={{ width: 56 }}>{label}</span>
              {v === null ? <span>—</span> : <Progress percent={Number(v)} size="small" style={{ flex: 1, margin: 0 }} />}
            </Flex>
          ))}
        </Flex>
      )}
    </Card>
  );
}

/** 安置房: the street's three rates, each project's rates and its milestone timeline (plan against actual). */
export default function ResettlementPage() {
  const { t } = useI18n();
  const projects = useProjects();
  const [open, setOpen] = useState<string | null>(null);
  const resettlement = (projects.data?.items ?? []).filter((p) => p.kind === 'resettlement');
  const upgrades = (projects.data?.items ?? []).filter((p) => p.kind === 'upgrade');
  return (
    <div>
      <PageHeader title={t('livelihood.resettlement')} subtitle={t('livelihood.rs.subtitle')} extra={<Button onClick={() => void download(ledgerUrl('livelihood.projects')).catch(showError)}>{t('livelihood.export')}</Button>} />
      <ErrorAlert error={projects.error} />
      {projects.data ? <RateCards rates={projects.data.street} /> : null}
      {resettlement.length > 0 ? (
        <Card size="small" title={t('livelihood.rs.chartTitle')} style={{ marginTop: 12 }}>
          <Chart
            height={280}
            option={{
              tooltip: { trigger: 'axis' },
              legend: { top: 0 },
              grid: { left: 8, right: 8, bottom: 8, top: 32, containLabel: true },
              xAxis: { type: 'category', data: resettlement.map((p) => p.name.replace(/(安置区|改造项目)$/, '')), axisLabel: { interval: 0, rotate: 30 } },
              yAxis: { type: 'value', max: 100 },
              series: [
                { name: t('livelihood.rs.startRate'), type: 'bar', data: resettlement.map((p) => p.rates.startRate ?? 0) },
                { name: t('livelihood.rs.moveBackRate'), type: 'bar', data: resettlement.map((p) => p.rates.moveBackRate ?? 0) },
                { name: t('livelihood.rs.contractRate'), type: 'bar', data: resettlement.map((p) => p.rates.contractRate ?? 0) },
              ],
            }}
          />
        </Card>
      ) : null}
      {projects.data && projects.data.items.length === 0 ? <Empty description={t('livelihood.empty')} /> : null}
      <Row gutter={[12, 12]} style={{ marginTop: 12 }}>
        {[...resettlement, ...upgrades].map((p) => (
          <Col key={p.id} xs={24} md={12} xl={8}>
            <ProjectCard p={p} onOpen={() => setOpen(p.kind === 'resettlement' ? p.id : null)} />
          </Col>
        ))}
      </Row>
      <ProjectDrawer id={open} onClose={() => setOpen(null)} />
    </div>
  );
}
