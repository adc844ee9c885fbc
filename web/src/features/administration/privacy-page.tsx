import { App, Button, Card, Descriptions, Drawer, Form, Input, Radio, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useT } from '../../i18n/i18n-context';
import { handleFormError } from '../../ui/error-alert';
import { formatDateTime } from '../../ui/format';
import { PageHeader } from '../../ui/page-header';
import { ResourceTable } from '../../ui/resource-table';
import { useIsMobile } from '../../ui/use-is-mobile';
import { privacyEndpoint, useAnswerPrivacyRequest, type PrivacyRequestRow } from './hooks';

const statusColour = { open: 'blue', done: 'green', rejected: 'red' } as const;

interface AnswerForm {
  status: 'done' | 'rejected';
  answer: string;
}

/** One request: what was asked, and (while open) the answer with its outcome. */
function RequestDrawer({ request, onClose }: { request: PrivacyRequestRow | null; onClose: () => void }) {
  const t = useT();
  const { message } = App.useApp();
  const isMobile = useIsMobile();
  const [form] = Form.useForm<AnswerForm>();
  const answer = useAnswerPrivacyRequest();
  const onFinish = async (values: AnswerForm) => {
    if (!request) return;
    try {
      await answer.mutateAsync({ id: request.id, ...values });
      form.resetFields();
      void message.success(t('administration.privacy.answered'));
      onClose();
    } catch (error) {
      handleFormError(form, error, 'administration.privacy.error');
    }
  };
  return (
    <Drawer open={request !== null} onClose={onClose} title={request ? t(`administration.privacy.kind.${request.kind}`) : ''} width={isMobile ? '100%' : 560} destroyOnHidden>
      {request ? (
        <>
          <Descriptions
            column={1}
            size="small"
            bordered
            items={[
              { key: 'username', label: t('administration.privacy.username'), children: request.username ?? '—' },
              { key: 'createdAt', label: t('administration.privacy.createdAt'), children: formatDateTime(request.createdAt) },
              { key: 'status', label: t('administration.privacy.status'), children: <Tag color={statusColour[request.status]}>{t(`administration.privacy.status.${request.status}`)}</Tag> },
              { key: 'details', label: t('administration.privacy.details'), children: <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', margin: 0 }}>{request.details}</Typography.Paragraph> },
              ...(request.status === 'open'
                ? []
                : [
                    { key: 'answer', label: t('administration.privacy.answer'), children: request.answer ?? '' },
                    { key: 'handledAt', label: t('administration.privacy.handledAt'), children: request.handledAt ? formatDateTime(request.handledAt) : '—' },
                  ]),
            ]}
          />
          {request.status === 'open' ? (
            <Form<AnswerForm> form={form} layout="vertical" initialValues={{ status: 'done' }} onFinish={(v) => void onFinish(v)} style={{ marginTop: 16 }}>
              <Form.Item name="status" label={t('administration.privacy.outcome')}>
                <Radio.Group>
                  <Space direction="vertical">
                    <Radio value="done">{t('administration.privacy.outcome.done')}</Radio>
                    <Radio value="rejected">{t('administration.privacy.outcome.rejected')}</Radio>
                  </Space>
                </Radio.Group>
              </Form.Item>
              <Form.Item name="answer" label={t('administration.privacy.answer')} extra={t('administration.privacy.answerHint')} rules={[{ required: true, whitespace: true, message: t('administration.privacy.answer') }]}>
                <Input.TextArea rows={4} maxLength={1000} />
              </Form.Item>
              <Button type="primary" htmlType="submit" loading={answer.isPending}>
                {t('common.submit')}
              </Button>
            </Form>
          ) : null}
        </>
      ) : null}
    </Drawer>
  );
}

/** PIPL requests from members and residents: list, open, answer (done or refused, with the reason). */
export default function PrivacyRequestsPage() {
  const t = useT();
  const [open, setOpen] = useState<PrivacyRequestRow | null>(null);
  const openButton = (r: PrivacyRequestRow) => (
    <Button size="small" type={r.status === 'open' ? 'primary' : 'default'} onClick={() => setOpen(r)}>
      {r.status === 'open' ? t('administration.privacy.open') : t('administration.privacy.view')}
    </Button>
  );
  const status = (r: PrivacyRequestRow) => <Tag color={statusColour[r.status]}>{t(`administration.privacy.status.${r.status}`)}</Tag>;
  return (
    <div>
      <PageHeader title={t('administration.privacy.menu')} subtitle={t('administration.privacy.subtitle')} />
      <ResourceTable<PrivacyRequestRow>
        endpoint={privacyEndpoint}
        rowKey="id"
        filters={[
          {
            type: 'select',
            name: 'status',
            labelKey: 'administration.privacy.status',
            options: (['open', 'done', 'rejected'] as const).map((s) => ({ value: s, labelKey: `administration.privacy.status.${s}` })),
          },
        ]}
        columns={[
          { key: 'createdAt', title: t('administration.privacy.createdAt'), render: (_, r) => formatDateTime(r.createdAt) },
          { key: 'username', title: t('administration.privacy.username'), render: (_, r) => r.username ?? '—' },
          { key: 'kind', title: t('administration.privacy.kind'), render: (_, r) => t(`administration.privacy.kind.${r.kind}`) },
          { key: 'details', title: t('administration.privacy.details'), dataIndex: 'details', ellipsis: true },
          { key: 'status', title: t('administration.privacy.status'), render: (_, r) => status(r) },
          { key: 'actions', title: t('common.actions'), render: (_, r) => openButton(r) },
        ]}
        renderCard={(r) => (
          <Card size="small" title={`${t(`administration.privacy.kind.${r.kind}`)} · ${r.username ?? '—'}`} extra={status(r)}>
            <Typography.Paragraph ellipsis={{ rows: 2 }} style={{ marginBottom: 8 }}>
              {r.details}
            </Typography.Paragraph>
            <Space wrap>
              <Typography.Text type="secondary">{formatDateTime(r.createdAt)}</Typography.Text>
              {openButton(r)}
            </Space>
          </Card>
        )}
      />
      <RequestDrawer request={open} onClose={() => setOpen(null)} />
    </div>
  );
}
