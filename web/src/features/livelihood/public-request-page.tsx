import { Alert, Button, Card, Flex, Form, Input, InputNumber, Radio, Rate, Result, Select, Tabs, Typography } from 'antd';
import { useState } from 'react';
import { useParams } from 'react-router';
import { useI18n } from '../../i18n/i18n-context';
import { ErrorAlert } from '../../ui/error-alert';
import { useChallenge, usePublicOrgs, useRatePublic, useSubmitPublic, useTrack } from './hooks';

interface FileForm {
  kind: 'request' | 'wish';
  orgId: string;
  title: string;
  content: string;
  contactName: string;
  phone: string;
  challengeAnswer: number;
}

function FileTab({ code }: { code: string }) {
  const { t } = useI18n();
  const orgs = usePublicOrgs(code);
  const challenge = useChallenge(code);
  const submit = useSubmitPublic(code);
  const [form] = Form.useForm<FileForm>();
  if (submit.data) {
    return <Result status="success" title={t('livelihood.pub.done')} subTitle={<Typography.Text copyable strong data-testid="tracking-code">{submit.data.trackingCode}</Typography.Text>} />;
  }
  const required = [{ required: true, message: t('livelihood.pub.required') }];
  return (
    <Form<FileForm>
      form={form}
      layout="vertical"
      initialValues={{ kind: 'wish' }}
      onFinish={(values) => submit.mutate({ ...values, challengeToken: challenge.data?.token ?? '' })}
    >
      <Form.Item name="kind" label={t('livelihood.pub.kind')}>
        <Radio.Group optionType="button" options={[{ value: 'wish', label: t('livelihood.rq.kind.wish') }, { value: 'request', label: t('livelihood.rq.kind.request') }]} />
      </Form.Item>
      <Form.Item name="orgId" label={t('livelihood.pub.org')} rules={required}>
        <Select showSearch optionFilterProp="label" loading={orgs.isLoading} options={(orgs.data?.items ?? []).map((o) => ({ value: o.id, label: o.name }))} />
      </Form.Item>
      <Form.Item name="title" label={t('livelihood.pub.titleField')} rules={required}>
        <Input maxLength={60} />
      </Form.Item>
      <Form.Item name="content" label={t('livelihood.pub.content')} rules={required}>
        <Input.TextArea rows={4} maxLength={1000} />
      </Form.Item>
      <Form.Item name="contactName" label={t('livelihood.pub.name')} rules={required}>
        <Input maxLength={30} />
      </Form.Item>
      <Form.Item name="phone" label={t('livelihood.pub.phone')} rules={required}>
        <Input inputMode="numeric" maxLength={11} />
      </Form.Item>
      <Form.Item label={t('livelihood.pub.challenge', { question: challenge.data?.question ?? '…' })} required>
        <Flex gap={8}>
          <Form.Item name="challengeAnswer" noStyle rules={required}>
            <InputNumber style={{ width: 120 }} inputMode="numeric" />
          </Form.Item>
          <Button onClick={() => void challenge.refetch()}>{t('livelihood.pub.refresh')}</Button>
        </Flex>
      </Form.Item>
      <ErrorAlert error={submit.error} style={{ marginBottom: 12 }} />
      <Button type="primary" htmlType="submit" block loading={submit.isPending}>
        {t('livelihood.submit')}
      </Button>
    </Form>
  );
}

function TrackTab({ code }: { code: string }) {
  const { t } = useI18n();
  const track = useTrack(code);
  const rate = useRatePublic(code);
  const [lookup, setLookup] = useState<{ tracking: string; last4: string } | null>(null);
  const [stars, setStars] = useState(5);
  const item = rate.data ?? track.data;
  return (
    <Flex vertical gap={12}>
      <Form
        layout="vertical"
        onFinish={(v: { tracking: string; last4: string }) => {
          const q = { tracking: v.tracking.trim().toUpperCase(), last4: v.last4.trim() };
          setLookup(q);
          rate.reset();
          track.mutate(q);
        }}
      >
        <Form.Item name="tracking" label={t('livelihood.pub.code')} rules={[{ required: true, message: t('livelihood.pub.required') }]}>
          <Input maxLength={10} />
        </Form.Item>
        <Form.Item name="last4" label={t('livelihood.pub.last4')} rules={[{ required: true, message: t('livelihood.pub.required') }]}>
          <Input inputMode="numeric" maxLength={4} />
        </Form.Item>
        <Button htmlType="submit" block loading={track.isPending}>
          {t('livelihood.pub.search')}
        </Button>
      </Form>
      <ErrorAlert error={track.error ?? rate.error} />
      {item ? (
        <Card size="small" title={item.title} data-testid="public-request">
          <p>
            {item.orgName} · <span data-testid="public-state">{t(`livelihood.rq.state.${item.state}`)}</span>
          </p>
          {item.assigneeName ? <p>{`${t('livelihood.rq.assignee')}：${item.assigneeName}`}</p> : null}
          {item.answer || item.rejectReason ? <Alert type="info" title={`${t('livelihood.pub.answer')}：${item.answer ?? item.rejectReason ?? ''}`} /> : null}
          {item.state === 'answered' && lookup ? (
            <Flex gap={8} align="center" wrap style={{ marginTop: 12 }}>
              <Rate value={stars} onChange={setStars} />
              <Button type="primary" loading={rate.isPending} onClick={() => rate.mutate({ ...lookup, rating: stars })}>
                {t('livelihood.pub.rateIt')}
              </Button>
            </Flex>
          ) : null}
          {item.state === 'rated' ? <Alert type="success" style={{ marginTop: 12 }} title={t('livelihood.pub.thanks')} /> : null}
        </Card>
      ) : null}
    </Flex>
  );
}

/** Public page (no login): a resident files a request or small wish, then follows it up and rates it. */
export default function PublicRequestPage() {
  const { t } = useI18n();
  const { tenantCode = '' } = useParams();
  const orgs = usePublicOrgs(tenantCode);
  return (
    <div style={{ maxWidth: 560, margin: '0 auto', padding: 16 }}>
      <Typography.Title level={3} style={{ marginTop: 0 }}>
        {t('livelihood.pub.title')}
      </Typography.Title>
      {orgs.data ? <Typography.Text type="secondary">{orgs.data.streetName}</Typography.Text> : null}
      <ErrorAlert error={orgs.error} />
      <Tabs
        items={[
          { key: 'file', label: t('livelihood.pub.file'), children: <FileTab code={tenantCode} /> },
          { key: 'track', label: t('livelihood.pub.track'), children: <TrackTab code={tenantCode} /> },
        ]}
      />
    </div>
  );
}
