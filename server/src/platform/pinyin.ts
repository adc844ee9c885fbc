import { pinyin } from 'pinyin-pro';

/** 张荣耀 → { full: 'zhangrongyao', initials: 'zry' } for search by pinyin or initials. */
export function namePinyin(name: string): { full: string; initials: string } {
  const syllables = pinyin(name, { toneType: 'none', type: 'array', surname: 'head', nonZh: 'removed' });
  return {
    full: syllables.join('').toLowerCase().replace(/[^a-z]/g, ''),
    initials: syllables.map((s) => s[0] ?? '').join('').toLowerCase().replace(/[^a-z]/g, ''),
  };
}
