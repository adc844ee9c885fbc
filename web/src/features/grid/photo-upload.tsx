import { PlusOutlined } from '@ant-design/icons';
import { App, Image, Space, Upload } from 'antd';
import { useState } from 'react';
import { uploadFile } from '../../ui/api';
import { errorMessage } from '../../ui/error-message';
import { useI18n } from '../../i18n/i18n-context';

/** Photo picker: each file goes to /api/files (type checked by content, EXIF stripped) and yields an id. */
export function PhotoUpload({ value = [], onChange, testId }: { value?: string[]; onChange?: (ids: string[]) => void; testId?: string }) {
  const { t, has } = useI18n();
  const { message } = App.useApp();
  const [busy, setBusy] = useState(false);
  return (
    <Space wrap>
      {value.map((id) => (
        <Image key={id} src={`/api/files/${id}`} width={64} height={64} style={{ objectFit: 'cover' }} />
      ))}
      <Upload
        accept="image/*"
        showUploadList={false}
        data-testid={testId}
        customRequest={async (options) => {
          setBusy(true);
          try {
            const res = await uploadFile<{ id: string }>('/api/files', options.file as Blob);
            onChange?.([...value, res.id]);
            options.onSuccess?.(res);
          } catch (e) {
            message.error(errorMessage(e, t, has));
            options.onError?.(e as Error);
          } finally {
            setBusy(false);
          }
        }}
      >
        <button type="button" style={{ width: 64, height: 64, border: '1px dashed #bbb', background: 'none', cursor: 'pointer' }} disabled={busy} aria-label={t('grid.upload')}>
          <PlusOutlined />
        </button>
      </Upload>
    </Space>
  );
}
