import { TranslationOutlined } from '@ant-design/icons';
import { Button } from 'antd';
import { useI18n } from '../i18n/i18n-context';

/** 中文 ⇄ English; the choice is kept in localStorage. */
export function LanguageSwitch({ compact }: { compact?: boolean }) {
  const { locale, setLocale, t } = useI18n();
  return (
    <Button
      type="text"
      icon={<TranslationOutlined />}
      title={t('lang.switchTitle')}
      aria-label={t('lang.switchTitle')}
      data-testid="language-switch"
      onClick={() => setLocale(locale === 'zh' ? 'en' : 'zh')}
      style={{ color: 'inherit' }}
    >
      {compact ? null : t('lang.switch')}
    </Button>
  );
}
