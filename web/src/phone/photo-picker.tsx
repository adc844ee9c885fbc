import { useId, useState } from 'react';
import { useI18n } from '../i18n/i18n-context';
import { uploadFile } from '../ui/api';
import { errorMessage } from '../ui/error-message';
import { toast } from './toast';

/**
 * Photos for a phone form, with the same rules as ui/photo-upload.tsx: each picked file goes to /api/files
 * (type checked by content, EXIF stripped, size limited by the server), at most `max`; the value is the list of
 * file ids. Upload errors are shown from their code.
 */
export function PhotoPicker({
  value,
  onChange,
  label,
  max = 9,
  testId,
  capture,
}: {
  value: string[];
  onChange: (ids: string[]) => void;
  label: string;
  max?: number;
  testId?: string;
  capture?: 'environment' | 'user';
}) {
  const { t, has } = useI18n();
  const inputId = useId();
  const [busy, setBusy] = useState(0);

  const pick = async (files: FileList | null) => {
    const chosen = [...(files ?? [])].slice(0, Math.max(0, max - value.length));
    let ids = value;
    for (const file of chosen) {
      setBusy((n) => n + 1);
      try {
        const res = await uploadFile<{ id: string }>('/api/files', file);
        ids = [...ids, res.id];
        onChange(ids);
      } catch (e) {
        toast('error', errorMessage(e, t, has));
      } finally {
        setBusy((n) => n - 1);
      }
    }
  };

  return (
    <div className="pg-photos" data-testid={testId}>
      {value.map((id, index) => (
        <div key={id} className="pg-photo" data-testid="photo-thumb">
          <img src={`/api/files/${id}`} alt={`${label} ${index + 1}`} width={64} height={64} />
          <button type="button" className="pg-photo-remove" aria-label={`${t('common.delete')} ${index + 1}`} onClick={() => onChange(value.filter((x) => x !== id))}>
            ×
          </button>
        </div>
      ))}
      {value.length < max ? (
        <label className={`pg-photo-add${busy ? ' pg-busy' : ''}`} htmlFor={inputId} title={label}>
          {busy ? <span className="pg-spinner pg-spinner-small" aria-hidden="true" /> : <span aria-hidden="true">＋</span>}
          <span className="pg-photo-add-text">{label}</span>
          <input
            id={inputId}
            className="pg-visually-hidden"
            type="file"
            accept="image/*"
            capture={capture}
            disabled={busy > 0}
            onChange={(event) => {
              const input = event.currentTarget;
              void pick(input.files).finally(() => {
                input.value = '';
              });
            }}
          />
        </label>
      ) : null}
    </div>
  );
}
