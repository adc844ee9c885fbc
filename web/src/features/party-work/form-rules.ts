import type { Rule } from 'antd/es/form';
import type { Dayjs } from 'dayjs';
import { useT } from '../../i18n/i18n-context';

/** Client-side checks mirroring the API's schemas, with messages from the catalogue. The server still decides. */
export function useFormRules() {
  const t = useT();
  const required: Rule = { required: true, message: t('partyWork.form.required') };
  const text = (max: number): Rule[] => [{ required: true, whitespace: true, message: t('partyWork.form.required') }, { max, message: t('partyWork.form.tooLong', { max }) }];
  const optionalText = (max: number): Rule[] => [{ max, message: t('partyWork.form.tooLong', { max }) }];
  const intRange = (min: number, max: number): Rule[] => [required, { type: 'integer', min, max, message: t('partyWork.form.range', { min, max }) }];
  const pickAtLeastOne: Rule = { required: true, type: 'array', min: 1, message: t('partyWork.form.pickOne') };
  return { required, text, optionalText, intRange, pickAtLeastOne };
}

export const isoDay = (d: Dayjs) => d.format('YYYY-MM-DD');
