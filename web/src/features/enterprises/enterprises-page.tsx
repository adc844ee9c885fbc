import { useMemo } from 'react';
import { useAuth } from '../../app/auth';
import { useT } from '../../i18n/i18n-context';
import { PageHeader } from '../../ui/page-header';
import { ResourceTable } from '../../ui/resource-table';
import { EnterpriseCard, enterpriseColumns, enterpriseFilters } from './columns';
import type { Enterprise } from './enterprises';
import { enterprisesEndpoint } from './hooks';

export default function EnterprisesPage() {
  const t = useT();
  const { can } = useAuth();
  const columns = useMemo(() => enterpriseColumns(t), [t]);
  return (
    <div>
      <PageHeader title={t('enterprises.title')} subtitle={t('enterprises.subtitle')} />
      <ResourceTable<Enterprise>
        endpoint={enterprisesEndpoint}
        columns={columns}
        filters={enterpriseFilters}
        rowKey="id"
        exportable={can('enterprise.read')}
        renderCard={(e) => <EnterpriseCard e={e} t={t} />}
      />
    </div>
  );
}
