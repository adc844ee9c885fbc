import { PlusOutlined } from '@ant-design/icons';
import { App, Image, Space, Upload } from 'antd';
import { useState } from 'react';
import { useI18n } from '../i18n/i18n-context';
import { uploadFile } from './api';
import { errorMessage } from './error-message';

/**
 * A form control for photos: each picked file goes to /api/files (type checked by content, EXIF
 * stripped) and the control's value is the list of file ids.
 * `label` names the add button for screen readers and tests (pass a catalogue text).
 */
export function PhotoUpload({ value = [], onChange, label, max = 9, testId }: { value?: string[]; onChange?: (ids: string[]) => void; label: string; max?: number; testId?: string }) {
  const { t, has } = useI18n();
  const { message } = App.useApp();
  const [busy, setBusy] = useState(false);
  return (
    <Space wrap>
      {value.map((id) => (
        <Image key={id} src={`/api/files/${id}`} width={64} height={64} style={{ objectFit: 'cover' }} />
      ))}
      {value.length < max ? (
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
              void message.error(errorMessage(e, t, has));
              options.onError?.(e as Error);
            } finally {
              setBusy(false);
            }
          }}
        >
          <button type="button" style={{ width: 64, height: 64, border: '1px dashed #bbb', background: 'none', cursor: 'pointer' }} disabled={busy} aria-label={label} title={label}>
            <PlusOutlined />
          </button>
        </Upload>
      ) : null}
    </Space>
  );
}
