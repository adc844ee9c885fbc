import { Button, Card, Checkbox, Col, Flex, List, Modal, Progress, Row, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useAuth } from '../../app/auth';
import { useT } from '../../i18n/i18n-context';
import { ErrorAlert, showError } from '../../ui/error-alert';
import { PageHeader } from '../../ui/page-header';
import { CentreFormModal, StandardFormModal } from './centre-forms';
import { useAssessCentre, useCentres, type Centre } from './hooks';

export default function CentresPage() {
  const t = useT();
  const { can } = useAuth();
  const query = useCentres();
  const assess = useAssessCentre();
  const [editing, setEditing] = useState<Centre | null>(null);
  const [results, setResults] = useState<Record<string, boolean>>({});
  const [form, setForm] = useState<{ centre?: Centre } | null>(null);
  const [publishing, setPublishing] = useState(false);
  const data = query.data;

  const open = (c: Centre) => {
    setEditing(c);
    setResults(Object.fromEntries((data?.standard?.items ?? []).map((i) => [i.key, c.results?.[i.key] === true])));
  };
  const save = async () => {
    if (!editing) return;
    try {
      await assess.mutateAsync({ id: editing.id, results });
      setEditing(null);
    } catch (e) {
      showError(e);
    }
  };

  const cardActions = (c: Centre) => {
    const actions = [];
    if (can('centre.write'))
      actions.push(
        <Button key="e" type="link" onClick={() => setForm({ centre: c })}>
          {t('partyWork.form.edit')}
        </Button>,
      );
    if (can('centre.assess'))
      actions.push(
        <Button key="a" type="link" onClick={() => open(c)}>
          {t('partyWork.centres.assess')}
        </Button>,
      );
    return actions.length ? actions : undefined;
  };

  return (
    <>
      <PageHeader
        title={t('partyWork.centres')}
        subtitle={t('partyWork.centres.subtitle')}
        extra={
          <>
            {can('centre.standard') ? <Button onClick={() => setPublishing(true)}>{t('partyWork.centres.publishNew')}</Button> : null}
            {can('centre.write') ? (
              <Button type="primary" onClick={() => setForm({})}>
                {t('partyWork.centres.create')}
              </Button>
            ) : null}
          </>
        }
      />
      {query.error ? <ErrorAlert error={query.error} /> : null}
      {data ? (
        <Row gutter={[16, 16]} style={{ marginBottom: 16 }}>
          <Col xs={24} md={8}>
            <Card>
              <Flex align="center" gap={16}>
                <Progress type="circle" size={88} percent={data.summary.rate} />
                <div>
                  <Typography.Text strong>{t('partyWork.centres.rate')}</Typography.Text>
                  <div>{t('partyWork.centres.meeting', { meeting: data.summary.meeting, total: data.summary.total })}</div>
                  {data.summary.notAssessed ? <Typography.Text type="secondary">{t('partyWork.centres.notAssessed', { count: data.summary.notAssessed })}</Typography.Text> : null}
                </div>
              </Flex>
            </Card>
          </Col>
          <Col xs={24} md={16}>
            <Card title={data.standard ? t('partyWork.centres.standard', { version: data.standard.version }) : undefined}>
              <Space wrap>
                {data.summary.missingByItem.map((m) => (
                  <Tag key={m.key} color={m.count ? 'orange' : 'green'}>
                    {t('partyWork.centres.missingCount', { label: m.label, count: m.count })}
                  </Tag>
                ))}
              </Space>
            </Card>
          </Col>
        </Row>
      ) : null}
      <List
        loading={query.isPending}
        grid={{ gutter: 12, xs: 1, sm: 1, md: 2, lg: 3 }}
        dataSource={data?.items ?? []}
        renderItem={(c) => (
          <List.Item>
            <Card
              size="small"
              title={c.name}
              extra={c.meetsStandard ? <Tag color="green">{t('partyWork.centres.meets')}</Tag> : <Tag color="red">{t('partyWork.centres.notMeets')}</Tag>}
              actions={cardActions(c)}
            >
              <div>{c.orgName}</div>
              <div>
                {t('partyWork.centres.area')}：{c.areaM2} ㎡ {c.transitional ? <Tag>{t('partyWork.centres.transitional')}</Tag> : null}
              </div>
              <Typography.Text type="secondary">{c.openingHours}</Typography.Text>
              {c.missing.length ? (
                <div>
                  {t('partyWork.centres.missing')}：{c.missing.join('、')}
                </div>
              ) : null}
            </Card>
          </List.Item>
        )}
      />
      {form ? <CentreFormModal centre={form.centre} onClose={() => setForm(null)} /> : null}
      {publishing ? <StandardFormModal standard={data?.standard ?? null} onClose={() => setPublishing(false)} /> : null}
      <Modal open={editing !== null} title={editing ? t('partyWork.centres.assessTitle', { name: editing.name }) : ''} onCancel={() => setEditing(null)} onOk={() => void save()} confirmLoading={assess.isPending}>
        <Space direction="vertical">
          {(data?.standard?.items ?? []).map((i) => (
            <Checkbox key={i.key} checked={results[i.key] === true} onChange={(e) => setResults({ ...results, [i.key]: e.target.checked })}>
              {i.label}
            </Checkbox>
          ))}
        </Space>
      </Modal>
    </>
  );
}
