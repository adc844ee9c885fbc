import { useState, type FormEvent } from 'react';
import { useI18n } from '../../i18n/i18n-context';
import { errorMessage } from '../../ui/error-message';
import { missingFields, serverFieldErrors, type FieldMessages } from '../../phone/form-errors';
import { PhotoPicker } from '../../phone/photo-picker';
import { toast } from '../../phone/toast';
import { Button, Card, Field, Notice } from '../../phone/ui';
import { findNearby, hazardCategories, useLinkHazard, useReportHazard, type CreateHazardBody, type HazardCategory, type HazardSeverity, type NearbyHazard } from './hooks';

const severities: HazardSeverity[] = ['general', 'major', 'serious'];
const fields = ['category', 'severity', 'description', 'lat', 'lng', 'address', 'photoFileIds'] as const;

interface Draft {
  category: HazardCategory;
  severity: HazardSeverity;
  description: string;
  lat: string;
  lng: string;
  address: string;
  photoFileIds: string[];
}
const emptyDraft: Draft = { category: 'fire', severity: 'general', description: '', lat: '', lng: '', address: '', photoFileIds: [] };

const toNumber = (text: string) => (text.trim() === '' || !Number.isFinite(Number(text)) ? undefined : Number(text));

/** The hazard's own page is in the antd app: a new document (decision 0009). */
const openHazard = (id: string) => window.location.assign(`/hazards/${id}`);

/** Phone page (light shell, decision 0009): a grid worker reports a hazard at a point or an address, sees nearby duplicates first, and may link instead. */
export default function ReportHazardPage() {
  const { t, has } = useI18n();
  const [draft, setDraft] = useState<Draft>(emptyDraft);
  const [errors, setErrors] = useState<FieldMessages>({});
  const [duplicates, setDuplicates] = useState<NearbyHazard[] | null>(null);
  const [checking, setChecking] = useState(false);
  const report = useReportHazard();
  const link = useLinkHazard();

  const set = <K extends keyof Draft>(name: K, value: Draft[K]) => {
    setDraft((d) => ({ ...d, [name]: value }));
    setErrors((e) => ({ ...e, [name]: '' }));
    setDuplicates(null);
  };

  const fail = (e: unknown) => {
    const onFields = serverFieldErrors(e, fields);
    if (onFields) setErrors(onFields);
    else toast('error', errorMessage(e, t, has));
  };

  const locate = () => {
    if (!navigator.geolocation) {
      toast('warning', t('grid.locateFailed'));
      return;
    }
    navigator.geolocation.getCurrentPosition(
      (p) => {
        setDraft((d) => ({ ...d, lat: p.coords.latitude.toFixed(6), lng: p.coords.longitude.toFixed(6) }));
        setDuplicates(null);
      },
      () => toast('warning', t('grid.locateFailed')),
      { enableHighAccuracy: true, timeout: 10000 },
    );
  };

  const body = (): CreateHazardBody => ({
    category: draft.category,
    severity: draft.severity,
    description: draft.description,
    lat: toNumber(draft.lat),
    lng: toNumber(draft.lng),
    address: draft.address.trim() || undefined,
    photoFileIds: draft.photoFileIds,
  });

  const create = async () => {
    try {
      const h = await report.mutateAsync(body());
      toast('success', t('grid.reported'));
      openHazard(h.id);
    } catch (e) {
      fail(e);
    }
  };

  const check = async (event: FormEvent) => {
    event.preventDefault();
    const missing = missingFields(draft, ['category', 'description']);
    if (missing.length > 0) {
      setErrors(Object.fromEntries(missing.map((name) => [name, t('form.required')])));
      return;
    }
    const lat = toNumber(draft.lat);
    const lng = toNumber(draft.lng);
    if (lat !== undefined && lng !== undefined) {
      setChecking(true);
      try {
        const near = await findNearby(draft.category, lat, lng);
        if (near.items.length > 0) {
          setDuplicates(near.items);
          return;
        }
      } catch (e) {
        fail(e);
        return;
      } finally {
        setChecking(false);
      }
    }
    await create();
  };

  const linkTo = async (id: string) => {
    try {
      await link.mutateAsync({ id, photoFileIds: draft.photoFileIds });
      toast('success', t('grid.linked'));
      openHazard(id);
    } catch (e) {
      fail(e);
    }
  };

  return (
    <div>
      <h1 className="pg-page-title">{t('grid.report')}</h1>
      <Card>
        <form noValidate onSubmit={(e) => void check(e)}>
          <Field label={t('grid.field.category')} htmlFor="category" required error={errors.category}>
            <select id="category" className="pg-select" data-testid="hazard-category" value={draft.category} onChange={(e) => set('category', e.target.value as HazardCategory)}>
              {hazardCategories.map((c) => (
                <option key={c} value={c}>
                  {t(`grid.category.${c}`)}
                </option>
              ))}
            </select>
          </Field>
          <Field label={t('grid.field.severity')} htmlFor="severity" error={errors.severity}>
            <select id="severity" className="pg-select" data-testid="hazard-severity" value={draft.severity} onChange={(e) => set('severity', e.target.value as HazardSeverity)}>
              {severities.map((s) => (
                <option key={s} value={s}>
                  {t(`grid.severity.${s}`)}
                </option>
              ))}
            </select>
          </Field>
          <Field label={t('grid.field.description')} htmlFor="description" required error={errors.description}>
            <textarea id="description" className="pg-textarea" data-testid="hazard-description" rows={3} maxLength={2000} value={draft.description} onChange={(e) => set('description', e.target.value)} />
          </Field>
          <Field label={t('grid.field.location')} htmlFor="lat" error={errors.lat || errors.lng}>
            <div className="pg-row">
              <input id="lat" className="pg-input pg-grow" type="number" inputMode="decimal" step="any" data-testid="hazard-lat" placeholder={t('grid.field.lat')} aria-label={t('grid.field.lat')} value={draft.lat} onChange={(e) => set('lat', e.target.value)} />
              <input id="lng" className="pg-input pg-grow" type="number" inputMode="decimal" step="any" data-testid="hazard-lng" placeholder={t('grid.field.lng')} aria-label={t('grid.field.lng')} value={draft.lng} onChange={(e) => set('lng', e.target.value)} />
              <Button onClick={locate} aria-label={t('grid.locate')} title={t('grid.locate')} testId="hazard-locate">
                <span aria-hidden="true">⌖</span>
              </Button>
            </div>
          </Field>
          <Field label={t('grid.field.address')} htmlFor="address" error={errors.address}>
            <input id="address" className="pg-input" data-testid="hazard-address" maxLength={200} value={draft.address} onChange={(e) => set('address', e.target.value)} />
          </Field>
          <Field label={t('grid.field.photos')} error={errors.photoFileIds}>
            <PhotoPicker value={draft.photoFileIds} onChange={(ids) => set('photoFileIds', ids)} label={t('grid.upload')} capture="environment" testId="hazard-photos" />
          </Field>
          {duplicates ? (
            <Notice tone="warning" title={t('grid.duplicates.title')} testId="hazard-duplicates">
              <p style={{ margin: '0 0 8px' }}>{t('grid.duplicates.hint')}</p>
              <ul className="pg-items">
                {duplicates.map((d) => (
                  <li key={d.id} className="pg-item">
                    {d.photoFileIds[0] ? <img className="pg-thumb-small" src={`/api/files/${d.photoFileIds[0]}`} alt="" width={48} height={48} /> : null}
                    <div className="pg-item-body">
                      <div>{d.description}</div>
                      <div className="pg-item-meta">{`${t('grid.duplicates.meters', { n: d.distance })} · ${t(`grid.status.${d.status}`)}`}</div>
                    </div>
                    <Button kind="small" onClick={() => void linkTo(d.id)} loading={link.isPending} testId="hazard-link">
                      {t('grid.duplicates.link')}
                    </Button>
                  </li>
                ))}
              </ul>
              <Button onClick={() => void create()} loading={report.isPending} testId="hazard-create-anyway">
                {t('grid.duplicates.createAnyway')}
              </Button>
            </Notice>
          ) : null}
          <Button kind="primary" type="submit" block loading={checking || report.isPending} testId="hazard-submit">
            {t('grid.check')}
          </Button>
        </form>
      </Card>
    </div>
  );
}
