import { App, Button, Card, Form, Input, InputNumber, List, Select, Space, Statistic, Tag, Upload } from 'antd';
import { useState } from 'react';
import { useT } from '../../i18n/i18n-context';
import { uploadFile } from '../../ui/api';
import { handleFormError, showError } from '../../ui/error-alert';
import { PageHeader } from '../../ui/page-header';
import { useCreateClaim, useHouseholds, useMyClaims, useMyPoints, type ClaimCategory } from './hooks';

const categories: ClaimCategory[] = ['visit', 'pairing', 'dispute', 'difficulty'];
const stateColors: Record<string, string> = { pending: 'gold', approved: 'green', rejected: 'red', reversed: 'default', withdrawn: 'default' };

interface FormValues {
  category: ClaimCategory;
  householdId?: string;
  summary: string;
  beneficiaryCount?: number;
}

/** Phone-first: a member logs 六个一 work and sees their points, rank and claims (with reasons). */
export default function LogWorkPage() {
  const t = useT();
  const { message } = App.useApp();
  const [form] = Form.useForm<FormValues>();
  const [search, setSearch] = useState('');
  const [photos, setPhotos] = useState<Array<{ uid: string; id: string }>>([]);
  /** Remounts the upload list after a submission so its thumbnails clear with the form. */
  const [uploadKey, setUploadKey] = useState(0);
  const households = useHouseholds(search);
  const me = useMyPoints();
  const claims = useMyClaims();
  const create = useCreateClaim();

  const submit = async (v: FormValues) => {
    try {
      await create.mutateAsync({ category: v.category, occurredAt: new Date().toISOString(), householdId: v.householdId ?? null, summary: v.summary, beneficiaryCount: v.beneficiaryCount ?? 0, photoFileIds: photos.map((p) => p.id) });
      message.success(t('points.submitted'));
      form.resetFields(['summary', 'householdId']);
      setPhotos([]);
      setUploadKey((k) => k + 1);
    } catch (e) {
      handleFormError(form, e);
    }
  };

  return (
    <div style={{ maxWidth: 640 }}>
      <PageHeader title={t('points.mine')} />
      <Card size="small" style={{ marginBottom: 12 }}>
        <Space size="large" wrap>
          <Statistic title={t('points.total')} value={me.data?.total ?? 0} />
          <Statistic title={t('points.rankBranch')} value={me.data?.rankInBranch ?? '-'} suffix={`/ ${me.data?.branchMembers ?? '-'}`} />
          <Statistic title={t('points.rankStreet')} value={me.data?.rankInStreet ?? '-'} suffix={`/ ${me.data?.streetMembers ?? '-'}`} />
        </Space>
        <div style={{ marginTop: 8 }} data-testid="my-six">
          {t('points.mySix')}：
          {(me.data?.byCategory ?? []).map((c) => (
            <Tag key={c.category} color={c.points > 0 ? 'green' : 'default'}>{`${c.label} ${c.points}`}</Tag>
          ))}
        </div>
      </Card>
      <Card size="small" title={t('points.log.title')} style={{ marginBottom: 12 }}>
        <Form form={form} layout="vertical" initialValues={{ category: 'visit', beneficiaryCount: 1 }} onFinish={submit}>
          <Form.Item name="category" label={t('points.field.category')} rules={[{ required: true }]}>
            <Select data-testid="claim-category" options={categories.map((c) => ({ value: c, label: t(`points.category.${c}`) }))} />
          </Form.Item>
          <Form.Item name="householdId" label={t('points.field.household')}>
            <Select
              data-testid="claim-household"
              showSearch
              allowClear
              filterOption={false}
              placeholder={t('points.searchHousehold')}
              onSearch={setSearch}
              loading={households.isFetching}
              options={(households.data?.items ?? []).map((h) => ({ value: h.id, label: `${h.address}（${h.headName}）` }))}
            />
          </Form.Item>
          <Form.Item name="summary" label={t('points.field.summary')} rules={[{ required: true }]}>
            <Input.TextArea data-testid="claim-summary" rows={3} maxLength={500} />
          </Form.Item>
          <Form.Item name="beneficiaryCount" label={t('points.field.beneficiaryCount')}>
            <InputNumber min={0} max={10000} style={{ width: '100%' }} />
          </Form.Item>
          <Form.Item label={t('points.photo')}>
            <Upload
              key={uploadKey}
              accept="image/*"
              capture="environment"
              listType="picture"
              data-testid="claim-photo"
              onRemove={(f) => setPhotos((p) => p.filter((x) => x.uid !== f.uid))}
              customRequest={({ file, onSuccess, onError }) => {
                const uid = typeof file === 'object' && 'uid' in file ? String(file.uid) : String(Date.now());
                uploadFile<{ id: string }>('/api/files', file as Blob)
                  .then((r) => {
                    setPhotos((p) => [...p, { uid, id: r.id }]);
                    onSuccess?.(r);
                  })
                  .catch((e: Error) => {
                    showError(e);
                    onError?.(e);
                  });
              }}
            >
              <Button block>{t('points.addPhoto')}</Button>
            </Upload>
          </Form.Item>
          <Button type="primary" htmlType="submit" block loading={create.isPending} data-testid="claim-submit">
            {t('points.submit')}
          </Button>
        </Form>
      </Card>
      <Card size="small" title={t('points.myClaims')}>
        <List
          loading={claims.isLoading}
          dataSource={claims.data?.items ?? []}
          renderItem={(c) => (
            <List.Item>
              <List.Item.Meta
                title={
                  <Space wrap>
                    <span>{c.categoryLabel}</span>
                    <Tag color={stateColors[c.state]}>{c.stateLabel}</Tag>
                    <span>{c.points}</span>
                  </Space>
                }
                description={`${c.occurredOn} ${c.householdAddress ?? ''} ${c.summary}${c.decisionReason ? ` — ${c.decisionReason}` : ''}`}
              />
            </List.Item>
          )}
        />
      </Card>
    </div>
  );
}
