import { Button, Card, Col, Empty, Flex, Progress, Row, Statistic, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { useAuth } from '../../app/auth';
import { useI18n } from '../../i18n/i18n-context';
import { download } from '../../ui/api';
import { Chart } from '../../ui/chart';
import { ErrorAlert, showError } from '../../ui/error-alert';
import { PageHeader } from '../../ui/page-header';
import { ledgerUrl, useProjects, type Project, type Rates } from './hooks';
import { ProjectFormModal } from './resettlement-forms';

export function RateCards({ rates }: { rates: Rates }) {
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

function ProjectCard({ p, onOpen }: { p: Project; onOpen: () => void }) {
  const { t } = useI18n();
  return (
    <Card size="small" hoverable onClick={onOpen} title={p.name} data-testid="project-card" extra={p.auditState === 'audited' ? <Tag color="green">{t('livelihood.rs.audited')}</Tag> : null}>
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

/** 安置房: the street's three rates (from the API), each project's rates; a project opens its own page. */
export default function ResettlementPage() {
  const { t } = useI18n();
  const { can } = useAuth();
  const navigate = useNavigate();
  const projects = useProjects();
  const [creating, setCreating] = useState(false);
  const resettlement = (projects.data?.items ?? []).filter((p) => p.kind === 'resettlement');
  const upgrades = (projects.data?.items ?? []).filter((p) => p.kind === 'upgrade');
  return (
    <div>
      <PageHeader title={t('livelihood.resettlement')} subtitle={t('livelihood.rs.subtitle')} extra={
          <>
            {can('resettlement.write') ? (
              <Button type="primary" onClick={() => setCreating(true)} data-testid="project-new">
                {t('livelihood.rs.newProject')}
              </Button>
            ) : null}
            {can('livelihood.settings.read') ? <Button onClick={() => void navigate('/resettlement/settings')}>{t('livelihood.rs.settings')}</Button> : null}
            <Button onClick={() => void download(ledgerUrl('livelihood.projects')).catch(showError)}>{t('livelihood.export')}</Button>
          </>
        }
      />
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
            <ProjectCard p={p} onOpen={() => void navigate(`/resettlement/projects/${p.id}`)} />
          </Col>
        ))}
      </Row>
      <ProjectFormModal open={creating} onClose={() => setCreating(false)} onSaved={(id) => void navigate(`/resettlement/projects/${id}`)} />
    </div>
  );
}
