import { ArrowLeftOutlined, EditOutlined, EyeOutlined, NodeIndexOutlined, SwapOutlined } from '@ant-design/icons';
import { Button, Card, Descriptions, Empty, Flex, Spin, Tag, Timeline, Typography } from 'antd';
import { useState } from 'react';
import { useNavigate, useParams } from 'react-router';
import { useAuth } from '../../app/auth';
import { useT } from '../../i18n/i18n-context';
import { ErrorAlert } from '../../ui/error-alert';
import { PageHeader } from '../../ui/page-header';
import { useMember, useOwnMember } from './hooks';
import { MemberFormDialog, RevealDialog, StateDialog, TransferDialog } from './member-forms';
import { actionsFrom, stateColors, type MemberDetail } from './members';

type Dialog = 'edit' | 'transfer' | 'state' | 'reveal-idNumber' | 'reveal-phone' | null;

/** The record, its transfer history and (for those who may) the actions on it. */
export function MemberView({ member, editable }: { member: MemberDetail; editable: boolean }) {
  const t = useT();
  const { can } = useAuth();
  const [dialog, setDialog] = useState<Dialog>(null);
  const mayReveal = editable && can('member.reveal');
  const revealButton = (field: 'idNumber' | 'phone') =>
    mayReveal ? (
      <Button size="small" type="link" icon={<EyeOutlined />} onClick={() => setDialog(`reveal-${field}`)}>
        {t('members.reveal')}
      </Button>
    ) : null;
  const canWrite = editable && can('member.write');
  return (
    <Flex vertical gap={16}>
      <Card
        title={
          <Flex gap={8} align="center" wrap>
            <span data-testid="member-name">{member.name}</span>
            <Tag color={member.category === 'formal' ? 'red' : 'gold'}>{t(`members.category.${member.category}`)}</Tag>
            <Tag color={stateColors[member.state]}>{t(`members.state.${member.state}`)}</Tag>
          </Flex>
        }
      >
        <Descriptions
          column={{ xs: 1, sm: 2 }}
          size="small"
          items={[
            { key: 'org', label: t('members.field.org'), children: member.orgName },
            { key: 'gender', label: t('members.field.gender'), children: member.gender ? t(`members.gender.${member.gender}`) : '—' },
            { key: 'birth', label: t('members.field.birthDate'), children: member.birthDate ?? '—' },
            { key: 'id', label: t('members.field.idNumber'), children: <>{member.idNumberMasked ?? '—'} {member.idNumberMasked ? revealButton('idNumber') : null}</> },
            { key: 'phone', label: t('members.field.phone'), children: <>{member.phoneMasked ?? '—'} {member.phoneMasked ? revealButton('phone') : null}</> },
            { key: 'join', label: t('members.field.joinDate'), children: member.joinDate ?? '—' },
            { key: 'reg', label: t('members.field.regularisedDate'), children: member.regularisedDate ?? '—' },
            { key: 'posts', label: t('members.field.posts'), children: member.posts.join('、') || '—' },
            { key: 'eth', label: t('members.field.ethnicity'), children: member.ethnicity ?? '—' },
            { key: 'edu', label: t('members.field.education'), children: member.education ?? '—' },
            { key: 'addr', label: t('members.field.address'), children: member.address ?? '—' },
            ...(member.state !== 'active'
              ? [
                  { key: 'sd', label: t('members.field.stateDate'), children: member.stateDate ?? '—' },
                  { key: 'sr', label: t('members.field.stateReason'), children: member.stateReason ?? '—' },
                ]
              : []),
          ]}
        />
        {canWrite ? (
          <Flex wrap gap={8} style={{ marginTop: 16 }}>
            <Button icon={<EditOutlined />} onClick={() => setDialog('edit')}>
              {t('members.edit')}
            </Button>
            {member.state === 'active' ? (
              <Button icon={<SwapOutlined />} onClick={() => setDialog('transfer')}>
                {t('members.transfer')}
              </Button>
            ) : null}
            {actionsFrom[member.state].length > 0 ? (
              <Button icon={<NodeIndexOutlined />} onClick={() => setDialog('state')}>
                {t('members.changeState')}
              </Button>
            ) : null}
          </Flex>
        ) : null}
      </Card>
      <Card title={t('members.transfers')} data-testid="member-transfers">
        {member.transfers.length === 0 ? (
          <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('members.noTransfers')} />
        ) : (
          <Timeline
            items={member.transfers.map((tr) => ({
              key: tr.id,
              content: (
                <div>
                  <div>{t('members.transferLine', { date: tr.transferDate, from: tr.fromOrgName ?? '—', to: tr.toOrgName ?? '—' })}</div>
                  <Typography.Text type="secondary">
                    {[tr.reason, tr.createdByName].filter(Boolean).join(' · ')}
                  </Typography.Text>
                </div>
              ),
            }))}
          />
        )}
      </Card>
      {dialog === 'edit' ? <MemberFormDialog member={member} onClose={() => setDialog(null)} /> : null}
      {dialog === 'transfer' ? <TransferDialog member={member} onClose={() => setDialog(null)} /> : null}
      {dialog === 'state' ? <StateDialog member={member} onClose={() => setDialog(null)} /> : null}
      {dialog === 'reveal-idNumber' ? <RevealDialog member={member} field="idNumber" onClose={() => setDialog(null)} /> : null}
      {dialog === 'reveal-phone' ? <RevealDialog member={member} field="phone" onClose={() => setDialog(null)} /> : null}
    </Flex>
  );
}

export default function MemberDetailPage() {
  const t = useT();
  const navigate = useNavigate();
  const { id } = useParams();
  const member = useMember(id);
  return (
    <div>
      <PageHeader
        title={member.data?.name ?? t('members.title')}
        extra={
          <Button icon={<ArrowLeftOutlined />} onClick={() => navigate('/members')}>
            {t('members.back')}
          </Button>
        }
      />
      <ErrorAlert error={member.error} prefix="members.error" style={{ marginBottom: 12 }} />
      {member.isLoading ? <Spin /> : null}
      {member.data ? <MemberView member={member.data} editable /> : null}
    </div>
  );
}

/** A member's own record (role member): read-only. */
export function OwnMemberPage() {
  const t = useT();
  const member = useOwnMember();
  return (
    <div>
      <PageHeader title={t('members.myMenu')} />
      <ErrorAlert error={member.error} prefix="members.error" style={{ marginBottom: 12 }} />
      {member.isLoading ? <Spin /> : null}
      {member.data ? <MemberView member={member.data} editable={false} /> : null}
    </div>
  );
}
