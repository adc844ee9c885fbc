import { ToolOutlined } from '@ant-design/icons';
import { Result } from 'antd';
import { useT } from '../i18n/i18n-context';

/** The page a feature shows before it is built: its menu label and 建设中. */
export function UnderConstructionPage({ titleKey }: { titleKey: string }) {
  const t = useT();
  return (
    <Result
      icon={<ToolOutlined />}
      title={`${t(titleKey)} · ${t('page.underConstruction')}`}
      subTitle={t('page.underConstructionHint')}
    />
  );
}
