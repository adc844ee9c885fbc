import { DeleteOutlined, EditOutlined, HistoryOutlined, NodeIndexOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Card, Checkbox, Col, Descriptions, Empty, Flex, Input, Row, Spin, Tag, Tree } from 'antd';
import type { TreeDataNode } from 'antd';
import { useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { useAuth } from '../../app/auth';
import { useT } from '../../i18n/i18n-context';
import type { Translate } from '../../i18n/i18n-context';
import { ErrorAlert } from '../../ui/error-alert';
import { formatDate } from '../../ui/format';
import { PageHeader } from '../../ui/page-header';
import { useIsMobile } from '../../ui/use-is-mobile';
import { useOrgTree } from './hooks';
import { CloseDialog, CreateChildDialog, MoveDialog, RenameDialog } from './org-forms';
import { OrgHistoryDrawer } from './org-history-drawer';
import { allKeys, ancestorKeys, buildTree, childKinds, filterTree, findUnit, kindColors, type OrgTreeNode, type OrgUnit } from './org-units';

type Dialog = 'create' | 'rename' | 'move' | 'close' | 'history' | null;

function highlight(text: string, query: string): ReactNode {
  const needle = query.trim();
  const index = needle ? text.toLowerCase().indexOf(needle.toLowerCase()) : -1;
  if (index < 0) return text;
  return (
    <>
      {text.slice(0, index)}
      <mark style={{ padding: 0, background: '#ffe58f' }}>{text.slice(index, index + needle.length)}</mark>
      {text.slice(index + needle.length)}
    </>
  );
}

function toTreeData(nodes: OrgTreeNode[], query: string, t: Translate): TreeDataNode[] {
  return nodes.map((node) => ({
    key: node.key,
    title: (
      <span data-testid="org-node" data-name={node.unit.name}>
        <span style={node.unit.status === 'closed' ? { color: '#999', textDecoration: 'line-through' } : undefined}>
          {highlight(node.unit.name, query)}
        </span>{' '}
        <Tag color={kindColors[node.unit.kind]} style={{ marginInlineEnd: 4, fontSize: 11, lineHeight: '16px' }}>
          {t(`orgs.kind.${node.unit.kind}`)}
        </Tag>
        {node.unit.status === 'closed' ? <Tag style={{ fontSize: 11, lineHeight: '16px' }}>{t('orgs.status.closed')}</Tag> : null}
      </span>
    ),
    children: toTreeData(node.children, query, t),
  }));
}

function OrgDetails({
  unit,
  units,
  canWrite,
  onAction,
}: {
  unit: OrgUnit;
  units: OrgUnit[];
  canWrite: boolean;
  onAction: (dialog: Dialog) => void;
}) {
  const t = useT();
  const parent = findUnit(units, unit.parentId);
  const childCount = units.filter((candidate) => candidate.parentId !== null && String(candidate.parentId) === String(unit.id) && candidate.status === 'active').length;
  const active = unit.status === 'active';

  return (
    <Card
      title={
        <Flex align="center" gap={8} wrap>
          <span data-testid="org-details-name">{unit.name}</span>
          <Tag color={active ? 'green' : 'default'}>{t(`orgs.status.${unit.status}`)}</Tag>
        </Flex>
      }
      data-testid="org-details"
    >
      <Descriptions
        column={{ xs: 1, sm: 2 }}
        size="small"
        items={[
          { key: 'kind', label: t('orgs.field.kind'), children: <Tag color={kindColors[unit.kind]}>{t(`orgs.kind.${unit.kind}`)}</Tag> },
          { key: 'code', label: t('orgs.field.divisionCode'), children: unit.divisionCode ?? '—' },
          { key: 'parent', label: t('orgs.field.parent'), children: parent?.name ?? '—' },
          { key: 'children', label: t('orgs.field.children'), children: childCount },
          { key: 'from', label: t('orgs.field.validFrom'), children: formatDate(unit.validFrom) || '—' },
          { key: 'to', label: t('orgs.field.validTo'), children: unit.validTo ? formatDate(unit.validTo) : '—' },
        ]}
      />
      <Flex wrap gap={8} style={{ marginTop: 16 }}>
        {canWrite && active && childKinds[unit.kind].length > 0 ? (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => onAction('create')}>
            {t('orgs.action.createChild')}
          </Button>
        ) : null}
        {canWrite && active ? (
          <Button icon={<EditOutlined />} onClick={() => onAction('rename')}>
            {t('orgs.action.rename')}
          </Button>
        ) : null}
        {canWrite && active && unit.parentId !== null ? (
          <Button icon={<NodeIndexOutlined />} onClick={() => onAction('move')}>
            {t('orgs.action.move')}
          </Button>
        ) : null}
        {canWrite && active && unit.parentId !== null ? (
          <Button danger icon={<DeleteOutlined />} onClick={() => onAction('close')}>
            {t('orgs.action.close')}
          </Button>
        ) : null}
        <Button icon={<HistoryOutlined />} onClick={() => onAction('history')}>
          {t('orgs.action.history')}
        </Button>
      </Flex>
    </Card>
  );
}

export default function OrgTreePage() {
  const t = useT();
  const { can } = useAuth();
  const isMobile = useIsMobile();
  const tree = useOrgTree();
  const [query, setQuery] = useState('');
  const [showClosed, setShowClosed] = useState(false);
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const [expanded, setExpanded] = useState<string[] | null>(null);
  const [dialog, setDialog] = useState<Dialog>(null);
  const detailsRef = useRef<HTMLDivElement>(null);

  const units = useMemo(() => tree.data?.items ?? [], [tree.data]);
  const visibleUnits = useMemo(() => (showClosed ? units : units.filter((unit) => unit.status === 'active')), [units, showClosed]);
  const roots = useMemo(() => buildTree(visibleUnits), [visibleUnits]);
  const filtered = useMemo(() => filterTree(roots, query), [roots, query]);
  const treeData = useMemo(() => toTreeData(filtered, query, t), [filtered, query, t]);
  const selected = findUnit(units, selectedId);

  // Until the user expands or collapses anything, the roots are open (the street and its villages and communities show).
  const expandedKeys = query.trim() ? allKeys(filtered) : (expanded ?? roots.map((root) => root.key));

  useEffect(() => {
    if (selectedId === null && roots.length > 0) setSelectedId(roots[0].key);
  }, [roots, selectedId]);

  const select = (id: string | null) => {
    setSelectedId(id);
    if (id !== null && isMobile) {
      setTimeout(() => detailsRef.current?.scrollIntoView({ behavior: 'smooth', block: 'start' }), 50);
    }
  };

  const revealUnit = (id: string) => {
    const keys = new Set([...(expanded ?? roots.map((root) => root.key)), ...ancestorKeys(units, id)]);
    setExpanded([...keys]);
  };

  return (
    <div>
      <PageHeader title={t('orgs.menu')} subtitle={isMobile ? undefined : t('orgs.subtitle')} />
      <ErrorAlert error={tree.error} style={{ marginBottom: 16 }} />
      <Row gutter={[16, 16]}>
        <Col xs={24} md={11} lg={10}>
          <Card
            size="small"
            title={t('orgs.count', { count: visibleUnits.length })}
            extra={
              <Checkbox checked={showClosed} onChange={(event) => setShowClosed(event.target.checked)}>
                {t('orgs.showClosed')}
              </Checkbox>
            }
          >
            <Input.Search
              allowClear
              placeholder={t('orgs.search')}
              value={query}
              onChange={(event) => setQuery(event.target.value)}
              style={{ marginBottom: 12 }}
              data-testid="org-search"
            />
            {tree.isPending ? (
              <Flex justify="center" style={{ padding: 24 }}>
                <Spin />
              </Flex>
            ) : treeData.length === 0 ? (
              <Empty description={t('orgs.noMatch')} />
            ) : (
              <div style={{ maxHeight: isMobile ? '55vh' : 'calc(100vh - 300px)', overflow: 'auto' }}>
                <Tree
                  blockNode
                  showLine
                  treeData={treeData}
                  expandedKeys={expandedKeys}
                  onExpand={(keys) => setExpanded(keys.map(String))}
                  selectedKeys={selectedId === null ? [] : [String(selectedId)]}
                  onSelect={(keys) => select(keys.length > 0 ? String(keys[0]) : selectedId)}
                  data-testid="org-tree"
                />
              </div>
            )}
          </Card>
        </Col>
        <Col xs={24} md={13} lg={14}>
          <div ref={detailsRef} style={{ position: 'sticky', top: 72 }}>
            {selected ? (
              <OrgDetails unit={selected} units={units} canWrite={can('org.write')} onAction={setDialog} />
            ) : (
              <Card>
                <Empty description={t('orgs.selectHint')} />
              </Card>
            )}
          </div>
        </Col>
      </Row>
      {selected && dialog === 'create' ? (
        <CreateChildDialog
          unit={selected}
          onClose={() => setDialog(null)}
          onCreated={(id) => {
            setDialog(null);
            revealUnit(String(selected.id));
            setExpanded((keys) => [...new Set([...(keys ?? []), String(selected.id)])]);
            if (id !== null) setSelectedId(id);
          }}
        />
      ) : null}
      {selected && dialog === 'rename' ? <RenameDialog unit={selected} onClose={() => setDialog(null)} /> : null}
      {selected && dialog === 'move' ? (
        <MoveDialog
          unit={selected}
          units={units}
          onClose={() => {
            setDialog(null);
            revealUnit(String(selected.id));
          }}
        />
      ) : null}
      {selected && dialog === 'close' ? (
        <CloseDialog
          unit={selected}
          onClose={() => setDialog(null)}
          onClosed={() => {
            setDialog(null);
            if (!showClosed) setSelectedId(selected.parentId === null ? null : String(selected.parentId));
          }}
        />
      ) : null}
      {selected && dialog === 'history' ? <OrgHistoryDrawer unit={selected} onClose={() => setDialog(null)} /> : null}
    </div>
  );
}
