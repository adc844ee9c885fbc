import { App, Button, Card, DatePicker, Flex, Form, Input, Popconfirm, Radio, Select, Space, Table, Tag, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useMemo, useState } from 'react';
import { useAuth } from '../../app/auth';
import { useT } from '../../i18n/i18n-context';
import { ErrorAlert, handleFormError, showError } from '../../ui/error-alert';
import { todayInShanghai } from '../../ui/format';
import { PageHeader } from '../../ui/page-header';
import { useCalendarYear, useResetCalendarDay, useSetCalendarDay, type CalendarDay, type CalendarKind } from './admin-hooks';

function byMonth(days: string[]): Array<[string, string[]]> {
  const groups = new Map<string, string[]>();
  for (const d of days) {
    const month = d.slice(0, 7);
    groups.set(month, [...(groups.get(month) ?? []), d]);
  }
  return [...groups.entries()];
}

function DayTags({ days, corrected, color }: { days: string[]; corrected: Set<string>; color: string }) {
  const t = useT();
  if (days.length === 0) return <Typography.Text type="secondary">{t('grid.calendar.empty')}</Typography.Text>;
  return (
    <Flex vertical gap={6}>
      {byMonth(days).map(([month, list]) => (
        <div key={month}>
          <Typography.Text strong style={{ marginRight: 8 }}>
            {Number(month.slice(5))}月
          </Typography.Text>
          <Space wrap size={4}>
            {list.map((d) => (
              <Tag key={d} color={corrected.has(d) ? 'purple' : color} data-day={d}>
                {d.slice(5)}
              </Tag>
            ))}
          </Space>
        </div>
      ))}
    </Flex>
  );
}

/** The working-day calendar deadlines are counted on: holidays, make-up workdays and the street's corrections. */
export default function CalendarPage() {
  const t = useT();
  const { can } = useAuth();
  const thisYear = Number(todayInShanghai().slice(0, 4));
  const [year, setYear] = useState(thisYear);
  const calendar = useCalendarYear(year);
  const reset = useResetCalendarDay();
  const { message } = App.useApp();
  const corrected = useMemo(() => new Set((calendar.data?.overrides ?? []).map((o) => o.day)), [calendar.data]);
  const editable = can('calendar.write');
  return (
    <div>
      <PageHeader
        title={t('grid.calendar.title')}
        subtitle={t('grid.calendar.subtitle')}
        extra={
          <Select
            aria-label={t('grid.calendar.year')}
            value={year}
            onChange={setYear}
            style={{ width: 110 }}
            options={[thisYear - 2, thisYear - 1, thisYear, thisYear + 1].map((y) => ({ value: y, label: `${y}年` }))}
          />
        }
      />
      <ErrorAlert error={calendar.error} />
      <Flex vertical gap={12}>
        {editable ? <CorrectionForm /> : null}
        <Card size="small" title={t('grid.calendar.overrides')} data-testid="calendar-overrides">
          <Table<CalendarDay>
            rowKey="day"
            size="small"
            pagination={false}
            loading={calendar.isLoading}
            dataSource={calendar.data?.overrides ?? []}
            locale={{ emptyText: t('grid.calendar.overridesEmpty') }}
            columns={[
              { title: t('grid.calendar.day'), dataIndex: 'day' },
              { title: t('grid.calendar.kind'), dataIndex: 'kind', render: (k: CalendarKind) => <Tag color={k === 'holiday' ? 'red' : 'blue'}>{t(`grid.calendar.kind.${k}`)}</Tag> },
              { title: t('grid.calendar.name'), dataIndex: 'name' },
              ...(editable
                ? [
                    {
                      key: 'remove',
                      render: (_: unknown, o: CalendarDay) => (
                        <Popconfirm
                          title={t('grid.calendar.removeConfirm')}
                          onConfirm={async () => {
                            try {
                              await reset.mutateAsync(o.day);
                              void message.success(t('grid.calendar.removed'));
                            } catch (e) {
                              showError(e);
                            }
                          }}
                        >
                          <Button size="small" danger>
                            {t('grid.calendar.remove')}
                          </Button>
                        </Popconfirm>
                      ),
                    },
                  ]
                : []),
            ]}
          />
        </Card>
        <Card size="small" title={t('grid.calendar.holidays', { n: calendar.data?.holidays.length ?? 0 })} loading={calendar.isLoading}>
          <DayTags days={calendar.data?.holidays ?? []} corrected={corrected} color="red" />
        </Card>
        <Card size="small" title={t('grid.calendar.workdays', { n: calendar.data?.workdays.length ?? 0 })} loading={calendar.isLoading}>
          <DayTags days={calendar.data?.workdays ?? []} corrected={corrected} color="blue" />
        </Card>
      </Flex>
    </div>
  );
}

function CorrectionForm() {
  const t = useT();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ day: Dayjs | null; kind: CalendarKind; name: string }>();
  const save = useSetCalendarDay();
  const submit = async (values: { day: Dayjs | null; kind: CalendarKind; name?: string }) => {
    if (!values.day) return;
    try {
      await save.mutateAsync({ day: values.day.format('YYYY-MM-DD'), kind: values.kind, name: values.name ?? '' });
      void message.success(t('grid.calendar.saved'));
      form.resetFields();
    } catch (e) {
      handleFormError(form, e);
    }
  };
  return (
    <Card size="small" title={t('grid.calendar.add')}>
      <Form form={form} layout="inline" initialValues={{ kind: 'holiday' }} onFinish={(v) => void submit(v)} style={{ rowGap: 8 }}>
        <Form.Item name="day" label={t('grid.calendar.day')} rules={[{ required: true, message: t('grid.calendar.dayRequired') }]}>
          <DatePicker format="YYYY-MM-DD" />
        </Form.Item>
        <Form.Item name="kind" label={t('grid.calendar.kind')}>
          <Radio.Group optionType="button">
            <Radio.Button value="holiday">{t('grid.calendar.kind.holiday')}</Radio.Button>
            <Radio.Button value="workday">{t('grid.calendar.kind.workday')}</Radio.Button>
          </Radio.Group>
        </Form.Item>
        <Form.Item name="name" label={t('grid.calendar.name')}>
          <Input maxLength={50} placeholder={t('grid.calendar.namePlaceholder')} style={{ width: 180 }} />
        </Form.Item>
        <Form.Item>
          <Button type="primary" htmlType="submit" loading={save.isPending}>
            {t('grid.calendar.add')}
          </Button>
        </Form.Item>
      </Form>
    </Card>
  );
}
