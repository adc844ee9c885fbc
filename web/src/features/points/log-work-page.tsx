import { useState, type FormEvent } from 'react';
import { useI18n } from '../../i18n/i18n-context';
import { errorMessage } from '../../ui/error-message';
import { missingFields, serverFieldErrors, type FieldMessages } from '../../phone/form-errors';
import { PhotoPicker } from '../../phone/photo-picker';
import { toast } from '../../phone/toast';
import { Button, Card, ErrorNotice, Field, Stat, Tag } from '../../phone/ui';
import { useCreateClaim, useHouseholds, useMyClaims, useMyPoints, type ClaimCategory } from './hooks';

const categories: ClaimCategory[] = ['visit', 'pairing', 'dispute', 'difficulty'];
const stateTones: Record<string, 'gold' | 'green' | 'red' | 'default'> = { pending: 'gold', approved: 'green', rejected: 'red', reversed: 'default', withdrawn: 'default' };
const fields = ['category', 'householdId', 'summary', 'beneficiaryCount', 'photoFileIds'] as const;

interface Draft {
  category: ClaimCategory;
  householdId: string;
  summary: string;
  beneficiaryCount: string;
  photoFileIds: string[];
}
const emptyDraft: Draft = { category: 'visit', householdId: '', summary: '', beneficiaryCount: '1', photoFileIds: [] };

/**
 * Phone page (light shell, decision 0009): a member logs 六个一 work and sees their points, rank and claims (with
 * reasons). Each card reads its own query, so an answer (or a keystroke in the form) re-renders only its card.
 */
export default function LogWorkPage() {
  const { t } = useI18n();
  return (
    <div>
      <h1 className="pg-page-title">{t('points.mine')}</h1>
      <MyPointsCard />
      <LogWorkForm />
      <MyClaimsCard />
    </div>
  );
}

function MyPointsCard() {
  const { t } = useI18n();
  const me = useMyPoints();
  return (
    <Card>
      <div className="pg-stats">
        <Stat title={t('points.total')} value={me.data?.total ?? 0} />
        <Stat title={t('points.rankBranch')} value={me.data?.rankInBranch ?? '-'} suffix={`/ ${me.data?.branchMembers ?? '-'}`} />
        <Stat title={t('points.rankStreet')} value={me.data?.rankInStreet ?? '-'} suffix={`/ ${me.data?.streetMembers ?? '-'}`} />
      </div>
      <div style={{ marginTop: 8 }} data-testid="my-six">
        {t('points.mySix')}：
        {(me.data?.byCategory ?? []).map((c) => (
          <Tag key={c.category} tone={c.points > 0 ? 'green' : 'default'}>{`${c.label} ${c.points}`}</Tag>
        ))}
      </div>
      {me.error ? <ErrorNotice error={me.error} /> : null}
    </Card>
  );
}

function LogWorkForm() {
  const { t, has } = useI18n();
  const [draft, setDraft] = useState<Draft>(emptyDraft);
  const [errors, setErrors] = useState<FieldMessages>({});
  const [search, setSearch] = useState('');
  const households = useHouseholds(search);
  const create = useCreateClaim();

  const set = <K extends keyof Draft>(name: K, value: Draft[K]) => {
    setDraft((d) => ({ ...d, [name]: value }));
    setErrors((e) => ({ ...e, [name]: '' }));
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const missing = missingFields(draft, ['category', 'summary']);
    if (missing.length > 0) {
      setErrors(Object.fromEntries(missing.map((name) => [name, t('form.required')])));
      return;
    }
    const count = draft.beneficiaryCount.trim() === '' ? 0 : Number(draft.beneficiaryCount);
    try {
      await create.mutateAsync({
        category: draft.category,
        occurredAt: new Date().toISOString(),
        householdId: draft.householdId || null,
        summary: draft.summary,
        beneficiaryCount: Number.isFinite(count) ? count : 0,
        photoFileIds: draft.photoFileIds,
      });
      toast('success', t('points.submitted'));
      setDraft((d) => ({ ...d, summary: '', householdId: '', photoFileIds: [] }));
      setErrors({});
    } catch (e) {
      const onFields = serverFieldErrors(e, fields);
      if (onFields) setErrors(onFields);
      else toast('error', errorMessage(e, t, has));
    }
  };

  const options = households.data?.items ?? [];
  return (
    <Card title={t('points.log.title')}>
      <form noValidate onSubmit={(e) => void submit(e)}>
        <Field label={t('points.field.category')} htmlFor="category" required error={errors.category}>
          <select id="category" className="pg-select" data-testid="claim-category" value={draft.category} onChange={(e) => set('category', e.target.value as ClaimCategory)}>
            {categories.map((c) => (
              <option key={c} value={c}>
                {t(`points.category.${c}`)}
              </option>
            ))}
          </select>
        </Field>
        <Field label={t('points.field.household')} htmlFor="householdId" error={errors.householdId}>
          <input
            className="pg-input"
            type="search"
            placeholder={t('points.searchHousehold')}
            aria-label={t('points.searchHousehold')}
            data-testid="claim-household-search"
            value={search}
            onChange={(e) => setSearch(e.target.value)}
            style={{ marginBottom: 6 }}
          />
          <select id="householdId" className="pg-select" data-testid="claim-household" value={draft.householdId} onChange={(e) => set('householdId', e.target.value)} aria-busy={households.isFetching || undefined}>
            <option value="">{households.isFetching && options.length === 0 ? t('app.loading') : `— ${t('common.none')} —`}</option>
            {options.map((h) => (
              <option key={h.id} value={h.id}>{`${h.address}（${h.headName}）`}</option>
            ))}
          </select>
        </Field>
        <Field label={t('points.field.summary')} htmlFor="summary" required error={errors.summary}>
          <textarea id="summary" className="pg-textarea" data-testid="claim-summary" rows={3} maxLength={500} value={draft.summary} onChange={(e) => set('summary', e.target.value)} />
        </Field>
        <Field label={t('points.field.beneficiaryCount')} htmlFor="beneficiaryCount" error={errors.beneficiaryCount}>
          <input id="beneficiaryCount" className="pg-input" type="number" inputMode="numeric" min={0} max={10000} value={draft.beneficiaryCount} onChange={(e) => set('beneficiaryCount', e.target.value)} />
        </Field>
        <Field label={t('points.photo')} error={errors.photoFileIds}>
          <PhotoPicker value={draft.photoFileIds} onChange={(ids) => set('photoFileIds', ids)} label={t('points.addPhoto')} capture="environment" testId="claim-photo" />
        </Field>
        <Button kind="primary" type="submit" block loading={create.isPending} testId="claim-submit">
          {t('points.submit')}
        </Button>
      </form>
    </Card>
  );
}

function MyClaimsCard() {
  const { t } = useI18n();
  const claims = useMyClaims();
  return (
    <Card title={t('points.myClaims')}>
      {claims.error ? <ErrorNotice error={claims.error} /> : null}
      {claims.isLoading ? <div className="pg-empty">{t('app.loading')}</div> : null}
      {claims.data && claims.data.items.length === 0 ? <div className="pg-empty">{t('common.empty')}</div> : null}
      <ul className="pg-items">
        {(claims.data?.items ?? []).map((c) => (
          <li key={c.id} className="pg-item" data-testid="claim-item">
            <div className="pg-item-body">
              <div>
                <span style={{ marginInlineEnd: 8 }}>{c.categoryLabel}</span>
                <Tag tone={stateTones[c.state] ?? 'default'}>{c.stateLabel}</Tag>
                <span>{c.points}</span>
              </div>
              <div className="pg-item-meta">{`${c.occurredOn} ${c.householdAddress ?? ''} ${c.summary}${c.decisionReason ? ` — ${c.decisionReason}` : ''}`}</div>
            </div>
          </li>
        ))}
      </ul>
    </Card>
  );
}
