import { useMemo, useState, type FormEvent, type ReactNode } from 'react';
import { useI18n } from '../../i18n/i18n-context';
import { missingFields, serverFieldErrors, type FieldMessages } from '../../phone/form-errors';
import { publicTenantCode } from '../../phone/phone-routes';
import { toast } from '../../phone/toast';
import { Button, Card, ErrorNotice, Field, Notice } from '../../phone/ui';
import { useChallenge, usePublicOrgs, useRatePublic, useSubmitPublic, useTrack } from './hooks';

interface FileDraft {
  kind: 'request' | 'wish';
  orgId: string;
  title: string;
  content: string;
  contactName: string;
  phone: string;
  challengeAnswer: string;
}
const emptyDraft: FileDraft = { kind: 'wish', orgId: '', title: '', content: '', contactName: '', phone: '', challengeAnswer: '' };
const requiredFields = ['orgId', 'title', 'content', 'contactName', 'phone', 'challengeAnswer'] as const;

function CopyCode({ code }: { code: string }) {
  const { t } = useI18n();
  return (
    <div className="pg-row" style={{ justifyContent: 'center' }}>
      <strong className="pg-code" data-testid="tracking-code">
        {code}
      </strong>
      <Button
        kind="small"
        onClick={() => {
          void navigator.clipboard?.writeText(code).then(() => toast('success', t('common.copied')), () => undefined);
        }}
      >
        {t('common.copy')}
      </Button>
    </div>
  );
}

function FileTab({ code }: { code: string }) {
  const { t } = useI18n();
  const orgs = usePublicOrgs(code);
  const challenge = useChallenge(code);
  const submit = useSubmitPublic(code);
  const [draft, setDraft] = useState<FileDraft>(emptyDraft);
  const [errors, setErrors] = useState<FieldMessages>({});
  const [orgFilter, setOrgFilter] = useState('');
  const orgOptions = useMemo(() => {
    const all = orgs.data?.items ?? [];
    const needle = orgFilter.trim();
    const shown = needle ? all.filter((o) => o.name.includes(needle)) : all;
    // The chosen org stays listed while the filter changes.
    const chosen = all.find((o) => o.id === draft.orgId);
    return chosen && !shown.includes(chosen) ? [chosen, ...shown] : shown;
  }, [orgs.data, orgFilter, draft.orgId]);

  if (submit.data) {
    return (
      <div className="pg-result">
        <div style={{ fontSize: 40, color: '#52c41a' }} aria-hidden="true">
          ✓
        </div>
        <h1>{t('livelihood.pub.done')}</h1>
        <CopyCode code={submit.data.trackingCode} />
      </div>
    );
  }

  const set = <K extends keyof FileDraft>(name: K, value: FileDraft[K]) => {
    setDraft((d) => ({ ...d, [name]: value }));
    setErrors((e) => ({ ...e, [name]: '' }));
  };
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    const missing = missingFields(draft, requiredFields);
    if (missing.length > 0) {
      setErrors(Object.fromEntries(missing.map((name) => [name, t('livelihood.pub.required')])));
      return;
    }
    submit.mutate(
      { ...draft, challengeAnswer: Number(draft.challengeAnswer), challengeToken: challenge.data?.token ?? '' },
      { onError: (e) => setErrors(serverFieldErrors(e, [...requiredFields, 'kind']) ?? {}) },
    );
  };
  const text = (name: 'title' | 'contactName' | 'phone', label: string, maxLength: number, inputMode?: 'numeric') => (
    <Field label={label} htmlFor={name} required error={errors[name]}>
      <input id={name} className="pg-input" maxLength={maxLength} inputMode={inputMode} value={draft[name]} onChange={(e) => set(name, e.target.value)} />
    </Field>
  );

  return (
    <form noValidate onSubmit={onSubmit}>
      <Field label={t('livelihood.pub.kind')} error={errors.kind}>
        <div className="pg-segmented" role="radiogroup" aria-label={t('livelihood.pub.kind')}>
          {(['wish', 'request'] as const).map((kind) => (
            <label key={kind}>
              <input type="radio" name="kind" value={kind} checked={draft.kind === kind} onChange={() => set('kind', kind)} />
              {t(`livelihood.rq.kind.${kind}`)}
            </label>
          ))}
        </div>
      </Field>
      <Field label={t('livelihood.pub.org')} htmlFor="orgId" required error={errors.orgId}>
        <input
          id="orgFilter"
          className="pg-input"
          type="search"
          placeholder={t('form.filter')}
          aria-label={`${t('livelihood.pub.org')} ${t('form.filter')}`}
          value={orgFilter}
          onChange={(e) => setOrgFilter(e.target.value)}
          style={{ marginBottom: 6 }}
        />
        <select id="orgId" className="pg-select" value={draft.orgId} onChange={(e) => set('orgId', e.target.value)} aria-busy={orgs.isLoading || undefined}>
          <option value="">{orgs.isLoading ? t('app.loading') : t('form.choose')}</option>
          {orgOptions.map((o) => (
            <option key={o.id} value={o.id}>
              {o.name}
            </option>
          ))}
        </select>
      </Field>
      {text('title', t('livelihood.pub.titleField'), 60)}
      <Field label={t('livelihood.pub.content')} htmlFor="content" required error={errors.content}>
        <textarea id="content" className="pg-textarea" rows={4} maxLength={1000} value={draft.content} onChange={(e) => set('content', e.target.value)} />
      </Field>
      {text('contactName', t('livelihood.pub.name'), 30)}
      {text('phone', t('livelihood.pub.phone'), 11, 'numeric')}
      <Field label={t('livelihood.pub.challenge', { question: challenge.data?.question ?? '…' })} htmlFor="challengeAnswer" required error={errors.challengeAnswer}>
        <div className="pg-row">
          <input id="challengeAnswer" className="pg-input" style={{ width: 120 }} inputMode="numeric" value={draft.challengeAnswer} onChange={(e) => set('challengeAnswer', e.target.value)} />
          <Button onClick={() => void challenge.refetch()}>{t('livelihood.pub.refresh')}</Button>
        </div>
      </Field>
      <ErrorNotice error={submit.error ?? challenge.error} />
      <Button kind="primary" type="submit" block loading={submit.isPending}>
        {t('livelihood.submit')}
      </Button>
    </form>
  );
}

function Stars({ value, onChange, label }: { value: number; onChange: (n: number) => void; label: string }) {
  return (
    <span className="pg-stars" role="radiogroup" aria-label={label}>
      {[1, 2, 3, 4, 5].map((n) => (
        <span key={n} role="radio" tabIndex={n === value ? 0 : -1} aria-checked={n === value} aria-label={`${n}/5`} className={`pg-star${n <= value ? ' pg-on' : ''}`} onClick={() => onChange(n)} onKeyDown={(e) => {
          if (e.key === 'ArrowRight' || e.key === 'ArrowUp') onChange(Math.min(5, value + 1));
          if (e.key === 'ArrowLeft' || e.key === 'ArrowDown') onChange(Math.max(1, value - 1));
        }}>
          ★
        </span>
      ))}
    </span>
  );
}

function TrackTab({ code }: { code: string }) {
  const { t } = useI18n();
  const track = useTrack(code);
  const rate = useRatePublic(code);
  const [query, setQuery] = useState({ tracking: '', last4: '' });
  const [errors, setErrors] = useState<FieldMessages>({});
  const [lookup, setLookup] = useState<{ tracking: string; last4: string } | null>(null);
  const [stars, setStars] = useState(5);
  const item = rate.data ?? track.data;
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    const missing = missingFields(query, ['tracking', 'last4']);
    setErrors(Object.fromEntries(missing.map((name) => [name, t('livelihood.pub.required')])));
    if (missing.length > 0) return;
    const q = { tracking: query.tracking.trim().toUpperCase(), last4: query.last4.trim() };
    setLookup(q);
    rate.reset();
    track.mutate(q);
  };
  return (
    <div>
      <form noValidate onSubmit={onSubmit}>
        <Field label={t('livelihood.pub.code')} htmlFor="tracking" required error={errors.tracking}>
          <input id="tracking" className="pg-input" maxLength={10} autoCapitalize="characters" value={query.tracking} onChange={(e) => setQuery((q) => ({ ...q, tracking: e.target.value }))} />
        </Field>
        <Field label={t('livelihood.pub.last4')} htmlFor="last4" required error={errors.last4}>
          <input id="last4" className="pg-input" inputMode="numeric" maxLength={4} value={query.last4} onChange={(e) => setQuery((q) => ({ ...q, last4: e.target.value }))} />
        </Field>
        <Button type="submit" block loading={track.isPending}>
          {t('livelihood.pub.search')}
        </Button>
      </form>
      <div style={{ height: 12 }} />
      <ErrorNotice error={track.error ?? rate.error} />
      {item ? (
        <Card title={item.title} testId="public-request">
          <p>
            {item.orgName} · <span data-testid="public-state">{t(`livelihood.rq.state.${item.state}`)}</span>
          </p>
          {item.assigneeName ? <p>{`${t('livelihood.rq.assignee')}：${item.assigneeName}`}</p> : null}
          {item.answer || item.rejectReason ? <Notice tone="info" title={`${t('livelihood.pub.answer')}：${item.answer ?? item.rejectReason ?? ''}`} /> : null}
          {item.state === 'answered' && lookup ? (
            <div className="pg-row">
              <Stars value={stars} onChange={setStars} label={t('livelihood.pub.rateIt')} />
              <Button kind="primary" loading={rate.isPending} onClick={() => rate.mutate({ ...lookup, rating: stars })}>
                {t('livelihood.pub.rateIt')}
              </Button>
            </div>
          ) : null}
          {item.state === 'rated' ? <Notice tone="success" title={t('livelihood.pub.thanks')} /> : null}
        </Card>
      ) : null}
    </div>
  );
}

function Tabs({ items }: { items: Array<{ key: string; label: string; children: ReactNode }> }) {
  const [active, setActive] = useState(items[0]?.key);
  return (
    <>
      <div className="pg-tabs" role="tablist">
        {items.map((item) => (
          <button key={item.key} type="button" role="tab" id={`tab-${item.key}`} aria-selected={item.key === active} aria-controls={`panel-${item.key}`} className="pg-tab" onClick={() => setActive(item.key)}>
            {item.label}
          </button>
        ))}
      </div>
      {items.map((item) => (
        <div key={item.key} role="tabpanel" id={`panel-${item.key}`} aria-labelledby={`tab-${item.key}`} hidden={item.key !== active}>
          {item.children}
        </div>
      ))}
    </>
  );
}

/** Public phone page (no login, light shell, decision 0009): a resident files a request or small wish, then follows it up and rates it. */
export default function PublicRequestPage() {
  const { t } = useI18n();
  const tenantCode = publicTenantCode(window.location.pathname);
  const orgs = usePublicOrgs(tenantCode);
  return (
    <div>
      <h1 className="pg-page-title">{t('livelihood.pub.title')}</h1>
      <p className="pg-subtitle" data-testid="public-street">
        {orgs.data?.streetName ?? '\u00a0'}
      </p>
      <ErrorNotice error={orgs.error} />
      <Card>
        <Tabs
          items={[
            { key: 'file', label: t('livelihood.pub.file'), children: <FileTab code={tenantCode} /> },
            { key: 'track', label: t('livelihood.pub.track'), children: <TrackTab code={tenantCode} /> },
          ]}
        />
      </Card>
    </div>
  );
}
