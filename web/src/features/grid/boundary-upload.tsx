import { UploadOutlined } from '@ant-design/icons';
import { App, Button, Upload } from 'antd';
import { useState } from 'react';
import { ErrorAlert } from '../../ui/error-alert';

/**
 * Picks a .geojson/.json file and hands its text to `onUpload`; the server checks the geometry and
 * its VALIDATION details (one line per bad place) are listed under the button.
 */
export function BoundaryUpload({ label, onUpload, successText }: { label: string; onUpload: (text: string) => Promise<unknown>; successText: (result: unknown) => string }) {
  const { message } = App.useApp();
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  return (
    <div>
      <Upload
        accept=".geojson,.json,application/geo+json,application/json"
        showUploadList={false}
        maxCount={1}
        beforeUpload={async (file) => {
          setBusy(true);
          setError(null);
          try {
            const result = await onUpload(await file.text());
            void message.success(successText(result));
          } catch (e) {
            setError(e);
          } finally {
            setBusy(false);
          }
          return Upload.LIST_IGNORE;
        }}
      >
        <Button icon={<UploadOutlined />} loading={busy}>
          {label}
        </Button>
      </Upload>
      <ErrorAlert error={error} style={{ marginTop: 8 }} />
    </div>
  );
}
