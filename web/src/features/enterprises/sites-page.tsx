import { App, Button, Card, Checkbox, Flex, Input, InputNumber, List, Modal, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useAuth } from '../../app/auth';
import { useT } from '../../i18n/i18n-context';
import { ErrorAlert, showError } from '../../ui/error-alert';
import { todayInShanghai } from '../../ui/format';
import { PageHeader } from '../../ui/page-header';
import { siteStandardKeys, type Site, type SiteChecks } from './enterprises';
import { useSiteCheck, useSites } from './hooks';

const allMet = Object.fromEntries(siteStandardKeys.map((k) => [k, true])) as SiteChecks;

export default function SitesPage() {
  const t = useT();
  const { can } = useAuth();
  const sites = useSites();
  const [checking, setChecking] = useState<Site | null>(null);
  return (
    <div>
      <PageHeader title={t('enterprises.env.sites')} subtitle={t('enterprises.env.sites.subtitle')} />
      {sites.error ? <ErrorAlert error={sites.error} /> : null}
      <List
        loading={sites.isLoading}
        grid={{ gutter: 12, xs: 1, sm: 2, lg: 3 }}
        dataSource={sites.data?.items ?? []}
        renderItem={(s) => (
          <List.Item>
            <Card size="small" title={s.name} extra={can('environment.write') ? <Button size="small" onClick={() => setChecking(s)}>{t('enterprises.env.site.check')}</Button> : null}>
              <Flex vertical gap={4}>
                <Typography.Text type="secondary">{s.orgName}</Typography.Text>
                <span>
                  {t('enterprises.env.site.worker')}：{s.stationedWorkerName ?? '—'}
                </span>
                <span>
                  {t('enterprises.env.site.lastCheck')}：{s.lastCheckedOn ?? '—'}{' '}
                  {s.lastAllMet === null ? null : <Tag color={s.lastAllMet ? 'green' : 'orange'}>{t(s.lastAllMet ? 'enterprises.env.site.allMet' : 'enterprises.env.site.notMet')}</Tag>}
                </span>
              </Flex>
            </Card>
          </List.Item>
        )}
      />
      {checking ? <SiteCheckDialog site={checking} onClose={() => setChecking(null)} /> : null}
    </div>
  );
}

function SiteCheckDialog({ site, onClose }: { site: Site; onClose: () => void }) {
  const t = useT();
  const { message } = App.useApp();
  const save = useSiteCheck();
  const [checks, setChecks] = useState<SiteChecks>(allMet);
  const [note, setNote] = useState('');
  const [days, setDays] = useState(1);
  const failing = siteStandardKeys.some((k) => !checks[k]);
  const submit = async () => {
    try {
      const result = await save.mutateAsync({ id: site.id, body: { checkedOn: todayInShanghai(), checks, note: note || undefined, rectifyWithinWorkingDays: failing ? days : undefined } });
      if (result.rectification) message.warning(t('enterprises.env.site.opened', { deadline: result.rectification.deadline }));
      else message.success(t('enterprises.env.done'));
      onClose();
    } catch (e) {
      showError(e);
    }
  };
  return (
    <Modal open title={site.name} onCancel={onClose} onOk={submit} confirmLoading={save.isPending}>
      <Flex vertical gap={8}>
        {siteStandardKeys.map((k) => (
          <Checkbox key={k} checked={checks[k]} onChange={(e) => setChecks({ ...checks, [k]: e.target.checked })}>
            {t(`enterprises.env.std.${k}`)}
          </Checkbox>
        ))}
        <Input.TextArea rows={2} placeholder={t('enterprises.env.note')} value={note} onChange={(e) => setNote(e.target.value)} />
        {failing ? (
          <Flex gap={8} align="center">
            <span>{t('enterprises.env.site.rectifyDays')}</span>
            <InputNumber min={1} max={30} value={days} onChange={(v) => setDays(v ?? 1)} />
          </Flex>
        ) : null}
      </Flex>
    </Modal>
  );
}
