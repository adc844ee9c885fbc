import { PlusOutlined, UploadOutlined } from '@ant-design/icons';
import { Button } from 'antd';
import { useMemo, useState } from 'react';
import { useNavigate } from 'react-router';
import { useAuth } from '../../app/auth';
import { useT } from '../../i18n/i18n-context';
import { PageHeader } from '../../ui/page-header';
import { ResourceTable } from '../../ui/resource-table';
import { MemberCard, memberColumns, memberFilters } from './columns';
import { membersEndpoint, useMemberHomes } from './hooks';
import { MemberFormDialog } from './member-forms';
import type { MemberSummary } from './members';

export default function MembersPage() {
  const t = useT();
  const { can } = useAuth();
  const navigate = useNavigate();
  const homes = useMemberHomes();
  const [creating, setCreating] = useState(false);
  const columns = useMemo(() => memberColumns(t), [t]);
  const filters = useMemo(() => memberFilters(homes.data ?? []), [homes.data]);

  return (
    <div>
      <PageHeader
        title={t('members.title')}
        subtitle={t('members.subtitle')}
        extra={
          <>
            {can('member.import') ? (
              <Button icon={<UploadOutlined />} onClick={() => navigate('/members/import')}>
                {t('members.import')}
              </Button>
            ) : null}
            {can('member.write') ? (
              <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
                {t('members.create')}
              </Button>
            ) : null}
          </>
        }
      />
      <ResourceTable<MemberSummary>
        endpoint={membersEndpoint}
        columns={columns}
        filters={filters}
        rowKey="id"
        exportable={can('member.export')}
        renderCard={(m) => <MemberCard member={m} t={t} />}
      />
      {creating ? <MemberFormDialog onClose={() => setCreating(false)} onSaved={(m) => navigate(`/members/${m.id}`)} /> : null}
    </div>
  );
}
