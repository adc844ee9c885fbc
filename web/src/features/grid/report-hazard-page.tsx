import { AimOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Form, Image, Input, InputNumber, List, Select, Space, Typography } from 'antd';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { useT } from '../../i18n/i18n-context';
import { handleFormError } from '../../ui/error-alert';
import { PageHeader } from '../../ui/page-header';
import { findNearby, hazardCategories, useLinkHazard, useReportHazard, type CreateHazardBody, type HazardCategory, type HazardSeverity, type NearbyHazard } from './hooks';
import { PhotoUpload } from '../../ui/photo-upload';

interface FormValues {
  category: HazardCategory;
  severity: HazardSeverity;
  description: string;
  lat?: number;
  lng?: number;
  address?: string;
  photoFileIds: string[];
}

/** Phone-first: a grid worker reports a hazard at a point or an address, sees nearby duplicates first, and may link instead. */
export default function ReportHazardPage() {
  const t = useT();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const [form] = Form.useForm<FormValues>();
  const [duplicates, setDuplicates] = useState<NearbyHazard[] | null>(null);
  const [checking, setChecking] = useState(false);
  const report = useReportHazard();
  const link = useLinkHazard();

  const locate = () => {
    if (!navigator.geolocation) {
      message.warning(t('grid.locateFailed'));
      return;
    }
    navigator.geolocation.getCurrentPosition(
      (p) => form.setFieldsValue({ lat: Number(p.coords.latitude.toFixed(6)), lng: Number(p.coords.longitude.toFixed(6)) }),
      () => message.warning(t('grid.locateFailed')),
      { enableHighAccuracy: true, timeout: 10000 },
    );
  };

  const body = (v: FormValues): CreateHazardBody => ({
    category: v.category,
    severity: v.severity,
    description: v.description,
    lat: v.lat ?? undefined,
    lng: v.lng ?? undefined,
    address: v.address || undefined,
    photoFileIds: v.photoFileIds ?? [],
  });

  const create = async () => {
    try {
      const h = await report.mutateAsync(body(form.getFieldsValue(true) as FormValues));
      message.success(t('grid.reported'));
      navigate(`/hazards/${h.id}`);
    } catch (e) {
      handleFormError(form, e);
    }
  };

  const check = async (v: FormValues) => {
    if (v.lat !== undefined && v.lat !== null && v.lng !== undefined && v.lng !== null) {
      setChecking(true);
      try {
        const near = await findNearby(v.category, v.lat, v.lng);
        if (near.items.length > 0) {
          setDuplicates(near.items);
          return;
        }
      } catch (e) {
        handleFormError(form, e);
        return;
      } finally {
        setChecking(false);
      }
    }
    await create();
  };

  const linkTo = async (id: string) => {
    try {
      await link.mutateAsync({ id, photoFileIds: (form.getFieldValue('photoFileIds') as string[] | undefined) ?? [] });
      message.success(t('grid.linked'));
      navigate(`/hazards/${id}`);
    } catch (e) {
      handleFormError(form, e);
    }
  };

  return (
    <div style={{ maxWidth: 560 }}>
      <PageHeader title={t('grid.report')} />
      <Card size="small">
        <Form form={form} layout="vertical" initialValues={{ category: 'fire', severity: 'general', photoFileIds: [] }} onFinish={check} onValuesChange={() => setDuplicates(null)}>
          <Form.Item name="category" label={t('grid.field.category')} rules={[{ required: true }]}>
            <Select data-testid="hazard-category" options={hazardCategories.map((c) => ({ value: c, label: t(`grid.category.${c}`) }))} />
          </Form.Item>
          <Form.Item name="severity" label={t('grid.field.severity')}>
            <Select options={(['general', 'major', 'serious'] as const).map((s) => ({ value: s, label: t(`grid.severity.${s}`) }))} />
          </Form.Item>
          <Form.Item name="description" label={t('grid.field.description')} rules={[{ required: true }]}>
            <Input.TextArea data-testid="hazard-description" rows={3} maxLength={2000} />
          </Form.Item>
          <Form.Item label={t('grid.field.location')} style={{ marginBottom: 0 }}>
            <Space.Compact block>
              <Form.Item name="lat" noStyle>
                <InputNumber data-testid="hazard-lat" placeholder={t('grid.field.lat')} style={{ width: '40%' }} step={0.0001} />
              </Form.Item>
              <Form.Item name="lng" noStyle>
                <InputNumber data-testid="hazard-lng" placeholder={t('grid.field.lng')} style={{ width: '40%' }} step={0.0001} />
              </Form.Item>
              <Button icon={<AimOutlined />} onClick={locate} aria-label={t('grid.locate')} style={{ width: '20%' }} />
            </Space.Compact>
          </Form.Item>
          <Form.Item name="address" label={t('grid.field.address')} style={{ marginTop: 12 }}>
            <Input data-testid="hazard-address" maxLength={200} />
          </Form.Item>
          <Form.Item name="photoFileIds" label={t('grid.field.photos')}>
            <PhotoUpload label={t('grid.upload')} testId="hazard-photos" />
          </Form.Item>
          {duplicates ? (
            <Alert
              type="warning"
              showIcon
              data-testid="hazard-duplicates"
              style={{ marginBottom: 12 }}
              title={t('grid.duplicates.title')}
              description={
                <>
                  <Typography.Paragraph style={{ marginBottom: 8 }}>{t('grid.duplicates.hint')}</Typography.Paragraph>
                  <List
                    size="small"
                    dataSource={duplicates}
                    renderItem={(d) => (
                      <List.Item actions={[<Button key="link" size="small" onClick={() => void linkTo(d.id)} loading={link.isPending} data-testid="hazard-link">{t('grid.duplicates.link')}</Button>]}>
                        <List.Item.Meta
                          avatar={d.photoFileIds[0] ? <Image src={`/api/files/${d.photoFileIds[0]}`} width={48} height={48} style={{ objectFit: 'cover' }} /> : null}
                          title={d.description}
                          description={`${t('grid.duplicates.meters', { n: d.distance })} · ${t(`grid.status.${d.status}`)}`}
                        />
                      </List.Item>
                    )}
                  />
                  <Button onClick={() => void create()} loading={report.isPending} data-testid="hazard-create-anyway">
                    {t('grid.duplicates.createAnyway')}
                  </Button>
                </>
              }
            />
          ) : null}
          <Button type="primary" htmlType="submit" block loading={checking || report.isPending} data-testid="hazard-submit">
            {t('grid.check')}
          </Button>
        </Form>
      </Card>
    </div>
  );
}
