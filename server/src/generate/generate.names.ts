/**
 * Name parts for generated people, with their pinyin, so name / name_pinyin / name_initials stay consistent
 * (members are searched by all three). Generated in SQL by indexing these arrays with a hash of the row number.
 */
export const surnames: Array<[string, string]> = [
  ['王', 'wang'], ['李', 'li'], ['张', 'zhang'], ['刘', 'liu'], ['陈', 'chen'], ['杨', 'yang'], ['赵', 'zhao'], ['黄', 'huang'],
  ['周', 'zhou'], ['吴', 'wu'], ['徐', 'xu'], ['孙', 'sun'], ['马', 'ma'], ['朱', 'zhu'], ['胡', 'hu'], ['郭', 'guo'],
  ['何', 'he'], ['高', 'gao'], ['林', 'lin'], ['罗', 'luo'], ['郑', 'zheng'], ['梁', 'liang'], ['谢', 'xie'], ['宋', 'song'],
  ['唐', 'tang'], ['许', 'xu'], ['韩', 'han'], ['冯', 'feng'], ['邓', 'deng'], ['曹', 'cao'], ['彭', 'peng'], ['曾', 'zeng'],
];

export const givenNames: Array<[string, string]> = [
  ['建国', 'jianguo'], ['秀英', 'xiuying'], ['志强', 'zhiqiang'], ['丽', 'li'], ['明华', 'minghua'], ['荣耀', 'rongyao'],
  ['桂兰', 'guilan'], ['国强', 'guoqiang'], ['玉梅', 'yumei'], ['海涛', 'haitao'], ['红霞', 'hongxia'], ['军', 'jun'],
  ['静', 'jing'], ['伟', 'wei'], ['芳', 'fang'], ['磊', 'lei'], ['洋', 'yang'], ['艳', 'yan'], ['勇', 'yong'], ['杰', 'jie'],
  ['娟', 'juan'], ['涛', 'tao'], ['超', 'chao'], ['秀兰', 'xiulan'], ['文博', 'wenbo'], ['春生', 'chunsheng'], ['凤英', 'fengying'],
  ['德胜', 'desheng'], ['淑珍', 'shuzhen'], ['振华', 'zhenhua'], ['永刚', 'yonggang'], ['雪梅', 'xuemei'],
];

const initial = (py: string) => py.slice(0, 1);
/** Initials of a two-syllable given name: jianguo → jg (split at the known syllable boundary). */
const givenInitials: Record<string, string> = {
  jianguo: 'jg', xiuying: 'xy', zhiqiang: 'zq', minghua: 'mh', rongyao: 'ry', guilan: 'gl', guoqiang: 'gq', yumei: 'ym',
  haitao: 'ht', hongxia: 'hx', xiulan: 'xl', wenbo: 'wb', chunsheng: 'cs', fengying: 'fy', desheng: 'ds', shuzhen: 'sz',
  zhenhua: 'zh', yonggang: 'yg', xuemei: 'xm',
};

/** SQL array literals ('{...}') of the parts: names, pinyin and initials. */
export function nameArrays(): { sn: string; snPy: string; snIn: string; gn: string; gnPy: string; gnIn: string } {
  const lit = (xs: string[]) => `'{${xs.map((x) => `"${x}"`).join(',')}}'::text[]`;
  return {
    sn: lit(surnames.map((s) => s[0])),
    snPy: lit(surnames.map((s) => s[1])),
    snIn: lit(surnames.map((s) => initial(s[1]))),
    gn: lit(givenNames.map((g) => g[0])),
    gnPy: lit(givenNames.map((g) => g[1])),
    gnIn: lit(givenNames.map((g) => givenInitials[g[1]] ?? initial(g[1]))),
  };
}

export const visitNotes = ['入户了解家庭情况，宣传安全用电常识', '排查燃气使用安全，无隐患', '了解老人身体状况，登记就医需求', '宣传创文创卫政策，收集意见建议'];
export const helpNotes = ['帮助代购生活用品', '陪同到社区卫生服务站体检', '帮助联系维修漏水水管', '送去米面油慰问品'];
export const hazardDescriptions = ['楼道堆放杂物', '电动车飞线充电', '灭火器过期', '燃气管道老化', '施工现场未设围挡', '消防通道被占用', '下水道井盖破损', '违规搭建'];
export const requestTitles = ['路灯不亮', '小区垃圾清运不及时', '希望开设老年食堂', '楼道灯损坏', '微心愿：想要一台收音机', '微心愿：孩子需要学习用品'];
