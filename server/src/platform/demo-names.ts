import { pick } from './random.js';

const surnames = '王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗梁宋郑谢韩唐冯于董萧程曹袁邓许傅沈曾彭吕苏卢蒋蔡贾丁魏薛叶阎余潘杜戴夏钟汪田任姜范方石姚谭廖邹熊金陆郝孔白崔康毛邱秦江史顾侯邵孟龙万段雷钱汤尹黎易常武乔贺赖龚文'.split('');
const givenChars = '建国华明丽军伟芳秀英敏静强磊洋艳勇杰娟涛超霞平刚桂兰玉梅红春生志文德海斌波宇浩鹏飞荣耀凤琴云峰辉俊晓雪新利琳宏亮成林杰欣佳怡子轩梓涵'.split('');

/** Plausible generated Chinese names for the demo street (deterministic with the given random). */
export function demoName(random: () => number): string {
  const s = pick(random, surnames);
  const n = random() < 0.55 ? 2 : 1;
  let g = '';
  for (let i = 0; i < n; i++) g += pick(random, givenChars);
  return s + g;
}

export function demoPhone(random: () => number): string {
  const prefixes = ['138', '139', '137', '150', '151', '158', '186', '187', '135', '176'];
  return pick(random, prefixes) + String(Math.floor(random() * 1e8)).padStart(8, '0');
}
