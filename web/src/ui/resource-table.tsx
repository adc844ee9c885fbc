import { DownloadOutlined, ReloadOutlined } from '@ant-design/icons';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Button, DatePicker, Flex, Form, Input, Select } from 'antd';
import type { TableColumnsType } from 'antd';
import type { Dayjs } from 'dayjs';
import { useMemo, useState, type ReactNode } from 'react';
import { useT } from '../i18n/i18n-context';
import { apiGet, download, toQueryString, type QueryParams } from './api';
import { ErrorAlert, showError } from './error-alert';
import { RowsOrCards } from './rows-or-cards';
import { useIsMobile } from './use-is-mobile';

/** One page of a server-paged list, as every list endpoint returns it. */
export interface Page<T> {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
}

interface FilterBase {
  /** Query parameter name (for dateRange: the field name; the parameters are fromParam/toParam). */
  name: string;
  labelKey: string;
}
export type FilterField =
  | (FilterBase & { type: 'text'; placeholderKey?: string })
  | (FilterBase & { type: 'select'; options: Array<{ value: string; label?: string; labelKey?: string }> })
  | (FilterBase & { type: 'date' })
  | (FilterBase & { type: 'dateRange'; fromParam?: string; toParam?: string });

export interface ResourceTableProps<T> {
  /** List endpoint, e.g. `/api/audit`; the export is `${endpoint}/export.xlsx`. */
  endpoint: string;
  columns: TableColumnsType<T>;
  filters?: FilterField[];
  /** Fixed query parameters sent with every request and export. */
  params?: QueryParams;
  rowKey: keyof T & string;
  /** Shows the 导出 Excel button, which downloads the export with the current filters. */
  exportable?: boolean;
  /** On phones, render each row as a card instead of a horizontally scrolling table. */
  renderCard?: (record: T) => ReactNode;
  toolbar?: ReactNode;
  defaultPageSize?: number;
}

/** The react-query key prefix of a ResourceTable, for invalidation after a mutation. */
export function resourceQueryKey(endpoint: string): readonly unknown[] {
  return ['resource', endpoint];
}

type FormValues = Record<string, string | Dayjs | [Dayjs | null, Dayjs | null] | null | undefined>;

function shanghaiDayStart(day: Dayjs): string {
  return new Date(`${day.format('YYYY-MM-DD')}T00:00:00+08:00`).toISOString();
}
function shanghaiDayEnd(day: Dayjs): string {
  return new Date(`${day.format('YYYY-MM-DD')}T23:59:59.999+08:00`).toISOString();
}

function toFilterParams(fields: FilterField[], values: FormValues): QueryParams {
  const params: QueryParams = {};
  for (const field of fields) {
    const value = values[field.name];
    if (value === undefined || value === null || value === '') continue;
    if (field.type === 'dateRange' && Array.isArray(value)) {
      const [from, to] = value;
      if (from) params[field.fromParam ?? 'from'] = shanghaiDayStart(from);
      if (to) params[field.toParam ?? 'to'] = shanghaiDayEnd(to);
    } else if (field.type === 'date' && typeof value === 'object' && !Array.isArray(value)) {
      params[field.name] = value.format('YYYY-MM-DD');
    } else if (typeof value === 'string') {
      params[field.name] = value.trim();
    }
  }
  return params;
}

/** A server-paged table: `?page=&pageSize=&...filters` → `{items,total,page,pageSize}`. */
export function ResourceTable<T extends object>(props: ResourceTableProps<T>) {
  const { endpoint, columns, filters = [], params, rowKey, exportable, renderCard, toolbar, defaultPageSize = 20 } = props;
  const t = useT();
  const isMobile = useIsMobile();
  const [form] = Form.useForm<FormValues>();
  const [page, setPage] = useState(1);
  const [pageSize, setPageSize] = useState(defaultPageSize);
  const [applied, setApplied] = useState<QueryParams>({});
  const [exporting, setExporting] = useState(false);

  const query = useMemo<QueryParams>(() => ({ ...params, ...applied }), [params, applied]);
  const result = useQuery({
    queryKey: [...resourceQueryKey(endpoint), query, page, pageSize],
    queryFn: ({ signal }) => apiGet<Page<T>>(endpoint, { ...query, page, pageSize }, signal),
    placeholderData: keepPreviousData,
  });
  const data = result.data;

  const onExport = async () => {
    setExporting(true);
    try {
      await download(`${endpoint}/export.xlsx${toQueryString(query)}`);
    } catch (error) {
      showError(error);
    } finally {
      setExporting(false);
    }
  };

  const pagination = {
    current: page,
    pageSize,
    total: data?.total ?? 0,
    showSizeChanger: !isMobile,
    size: isMobile ? ('small' as const) : undefined,
    showTotal: (total: number) => t('common.total', { total }),
    onChange: (nextPage: number, nextSize: number) => {
      setPage(nextSize === pageSize ? nextPage : 1);
      setPageSize(nextSize);
    },
  };

  const filterForm =
    filters.length > 0 ? (
      <Form<FormValues>
        form={form}
        layout={isMobile ? 'vertical' : 'inline'}
        onFinish={(values) => {
          setApplied(toFilterParams(filters, values));
          setPage(1);
        }}
        style={{ rowGap: 8, marginBottom: 12 }}
      >
        {filters.map((field) => (
          <Form.Item key={field.name} name={field.name} label={t(field.labelKey)} style={isMobile ? { marginBottom: 8 } : undefined}>
            {field.type === 'text' ? (
              <Input allowClear placeholder={field.placeholderKey ? t(field.placeholderKey) : undefined} />
            ) : field.type === 'select' ? (
              <Select
                allowClear
                style={{ minWidth: 160 }}
                options={field.options.map((option) => ({
                  value: option.value,
                  label: option.labelKey ? t(option.labelKey) : (option.label ?? option.value),
                }))}
              />
            ) : field.type === 'date' ? (
              <DatePicker style={{ width: isMobile ? '100%' : undefined }} />
            ) : (
              <DatePicker.RangePicker style={{ width: isMobile ? '100%' : undefined }} />
            )}
          </Form.Item>
        ))}
        <Form.Item style={isMobile ? { marginBottom: 0 } : undefined}>
          <Flex gap={8}>
            <Button type="primary" htmlType="submit">
              {t('common.search')}
            </Button>
            <Button
              onClick={() => {
                form.resetFields();
                setApplied({});
                setPage(1);
              }}
            >
              {t('common.reset')}
            </Button>
          </Flex>
        </Form.Item>
      </Form>
    ) : null;

  return (
    <div>
      {filterForm}
      <Flex wrap gap={8} justify="flex-end" style={{ marginBottom: 12 }}>
        {toolbar}
        <Button icon={<ReloadOutlined />} onClick={() => void result.refetch()} aria-label={t('common.refresh')}>
          {isMobile ? null : t('common.refresh')}
        </Button>
        {exportable ? (
          <Button icon={<DownloadOutlined />} loading={exporting} onClick={() => void onExport()}>
            {t('common.export')}
          </Button>
        ) : null}
      </Flex>
      <ErrorAlert error={result.error} style={{ marginBottom: 12 }} />
      <RowsOrCards<T>
        items={data?.items ?? []}
        loading={result.isFetching}
        rowKey={rowKey}
        columns={columns}
        pagination={pagination}
        renderCard={renderCard}
      />
    </div>
  );
}
