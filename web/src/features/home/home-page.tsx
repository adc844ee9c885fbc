import { Card, Col, Descriptions, Empty, Row, Tag, Typography } from 'antd';
import { Link } from 'react-router';
import { useAuth, useMe } from '../../app/auth';
import { features } from '../../app/features';
import { visibleMenuEntries } from '../../app/menu';
import { useT } from '../../i18n/i18n-context';
import { hourInShanghai } from '../../ui/format';

function greetingKey(hour: number): string {
  if (hour >= 5 && hour < 11) return 'home.greeting.morning';
  if (hour >= 11 && hour < 13) return 'home.greeting.noon';
  if (hour >= 13 && hour < 18) return 'home.greeting.afternoon';
  return 'home.greeting.evening';
}

export default function HomePage() {
  const t = useT();
  const me = useMe();
  const { can } = useAuth();
  const links = visibleMenuEntries(features, can).filter((entry) => entry.path !== '/');

  return (
    <div>
      <Typography.Title level={3} style={{ marginTop: 0 }} data-testid="greeting">
        {t(greetingKey(hourInShanghai()), { name: me.user.displayName })}
      </Typography.Title>
      <Card style={{ marginBottom: 16 }}>
        <Descriptions
          column={{ xs: 1, sm: 1, md: 3 }}
          items={[
            {
              key: 'roles',
              label: t('home.roles'),
              children: me.user.roles.map((role) => (
                <Tag key={role} color="red">
                  {t(`role.${role}`)}
                </Tag>
              )),
            },
            { key: 'scope', label: t('home.scope'), children: me.user.scopeOrgName ?? me.user.tenant.name },
            { key: 'street', label: t('home.street'), children: me.user.tenant.name },
          ]}
        />
      </Card>
      <Typography.Title level={5}>{t('home.quickLinks')}</Typography.Title>
      {links.length === 0 ? (
        <Empty description={t('home.noLinks')} />
      ) : (
        <Row gutter={[12, 12]}>
          {links.map((entry) => (
            <Col key={entry.path} xs={12} sm={8} md={6} lg={4}>
              <Link to={entry.path}>
                <Card hoverable size="small" style={{ textAlign: 'center' }}>
                  <div style={{ fontSize: 24, color: '#c8161d' }}>{entry.icon}</div>
                  <div>{t(entry.labelKey)}</div>
                </Card>
              </Link>
            </Col>
          ))}
        </Row>
      )}
    </div>
  );
}
