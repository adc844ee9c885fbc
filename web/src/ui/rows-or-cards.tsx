import { Card, List, Table } from 'antd';
import type { CardProps, PaginationProps, TableColumnsType } from 'antd';
import type { Key, ReactNode } from 'react';
import { useT } from '../i18n/i18n-context';
import { useIsMobile } from './use-is-mobile';

export interface RowsOrCardsProps<T> {
  items: T[];
  loading?: boolean;
  rowKey: keyof T & string;
  columns: TableColumnsType<T>;
  pagination: PaginationProps;
  /** On phones, render each row as a card (its body) instead of a horizontally scrolling table. */
  renderCard?: (record: T) => ReactNode;
  /** The card's own props (title, extra, test id) for a row. */
  cardProps?: (record: T) => CardProps & { 'data-testid'?: string };
  /** The table's size on a wider screen (phones always get 'small'). */
  size?: 'small' | 'middle';
}

/** A table on wider screens; on a phone, one card per row when `renderCard` is given (ResourceTable, the grid list). */
export function RowsOrCards<T>({ items, loading, rowKey, columns, pagination, renderCard, cardProps, size = 'middle' }: RowsOrCardsProps<T>) {
  const t = useT();
  const isMobile = useIsMobile();
  const keyOf = (record: T) => String(record[rowKey] as Key);
  if (isMobile && renderCard) {
    return (
      <List<T>
        dataSource={items}
        loading={loading}
        rowKey={keyOf}
        pagination={{ ...pagination, size: 'small', align: 'center' }}
        locale={{ emptyText: t('common.empty') }}
        renderItem={(record) => (
          <List.Item style={{ padding: '6px 0', border: 'none' }}>
            <Card size="small" style={{ width: '100%' }} {...cardProps?.(record)}>
              {renderCard(record)}
            </Card>
          </List.Item>
        )}
      />
    );
  }
  return (
    <Table<T>
      columns={columns}
      dataSource={items}
      loading={loading}
      rowKey={keyOf}
      pagination={pagination}
      scroll={{ x: 'max-content' }}
      size={isMobile ? 'small' : size}
      locale={{ emptyText: t('common.empty') }}
    />
  );
}
