import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { App, Button, Checkbox, DatePicker, Drawer, Flex, Form, Input, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useT } from '../../i18n/i18n-context';
import { handleFormError } from '../../ui/error-alert';
import { useIsMobile } from '../../ui/use-is-mobile';
import { findingCategories, inspectionDepartments, type Enterprise, type Inspection, type InspectionInput } from './enterprises';
import { useRecordInspection } from './hooks';

interface Values {
  inspectedOn: Dayjs;
  topic: string;
  departments: string[];
  summary?: string;
  findings?: InspectionInput['findings'];
}

/** Phone-first: one column, big controls; each finding becomes a hazard on the server. */
export function InspectionForm({ enterprise, onClose, onSaved }: { enterprise: Enterprise; onClose: () => void; onSaved: (i: Inspection) => void }) {
  const t = useT();
  const mobile = useIsMobile();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const save = useRecordInspection(enterprise.id);
  const submit = async (v: Values) => {
    try {
      const saved = await save.mutateAsync({
        inspectedOn: v.inspectedOn.format('YYYY-MM-DD'),
        topic: v.topic,
        departments: v.departments,
        summary: v.summary,
        findings: v.findings ?? [],
      });
      message.success(t('enterprises.inspect.saved', { count: saved.findingCount }));
      onSaved(saved);
    } catch (e) {
      handleFormError(form, e);
    }
  };
  return (
    <Drawer open title={t('enterprises.inspect.title', { name: enterprise.name })} onClose={onClose} width={mobile ? '100%' : 520} placement={mobile ? 'bottom' : 'right'} height={mobile ? '92%' : undefined}>
      <Form<Values>
        form={form}
        layout="vertical"
        onFinish={submit}
        initialValues={{ inspectedOn: dayjs(), departments: enterprise.category === 'training_institution' ? ['教体局', '消防'] : [], topic: '', findings: [] }}
      >
        <Form.Item name="inspectedOn" label={t('enterprises.inspect.date')} rules={[{ required: true, message: t('enterprises.required') }]}>
          <DatePicker style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="topic" label={t('enterprises.inspect.topic')} rules={[{ required: true, message: t('enterprises.required') }]}>
          <Input data-testid="inspection-topic" />
        </Form.Item>
        <Form.Item name="departments" label={t('enterprises.inspect.departments')}>
          <Checkbox.Group options={inspectionDepartments.map((d) => ({ value: d, label: d }))} />
        </Form.Item>
        <Form.Item name="summary" label={t('enterprises.inspect.summary')}>
          <Input.TextArea rows={2} />
        </Form.Item>
        <Form.List name="findings">
          {(fields, { add, remove }) => (
            <Flex vertical gap={8} style={{ marginBottom: 16 }}>
              <span>{t('enterprises.inspect.findings')}</span>
              {fields.map((field) => (
                <Flex key={field.key} gap={8} align="start" wrap>
                  <Form.Item name={[field.name, 'description']} rules={[{ required: true, message: t('enterprises.required') }]} style={{ flex: '1 1 200px', marginBottom: 0 }}>
                    <Input placeholder={t('enterprises.inspect.finding')} data-testid="finding-description" />
                  </Form.Item>
                  <Form.Item name={[field.name, 'category']} style={{ width: 130, marginBottom: 0 }}>
                    <Select options={findingCategories.map((c) => ({ value: c, label: t(`enterprises.hazardCategory.${c}`) }))} />
                  </Form.Item>
                  <Button icon={<DeleteOutlined />} onClick={() => remove(field.name)} aria-label="remove" />
                </Flex>
              ))}
              <Button icon={<PlusOutlined />} onClick={() => add({ description: '', category: 'fire' })} data-testid="add-finding">
                {t('enterprises.inspect.addFinding')}
              </Button>
            </Flex>
          )}
        </Form.List>
        <Button type="primary" htmlType="submit" block size="large" loading={save.isPending} data-testid="save-inspection">
          {t('enterprises.inspect.save')}
        </Button>
      </Form>
    </Drawer>
  );
}
