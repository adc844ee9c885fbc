/** Labels of the emergency drill (应急演练) ledger page. */
const zh = {
  'enterprises.drills.menu': '应急演练',
  'enterprises.drills.title': '应急预案演练记录',
  'enterprises.drills.subtitle': '各村（社区）和单位开展的应急预案演练',
  'enterprises.drills.record': '登记演练',
  'enterprises.drills.heldOn': '演练日期',
  'enterprises.drills.name': '演练名称',
  'enterprises.drills.location': '地点',
  'enterprises.drills.participants': '参加人数',
  'enterprises.drills.org': '村（社区）/单位',
  'enterprises.drills.notes': '情况说明',
  'enterprises.drills.period': '演练日期',
  'enterprises.drills.saved': '演练已登记',
  'enterprises.drills.required': '请填写此项',
  'enterprises.env.site.rectifyDays': '整改期限（工作日）',
  'enterprises.env.site.opened': '未达标，已转入整改台账，期限 {deadline}',
};

const en: Record<keyof typeof zh, string> = {
  'enterprises.drills.menu': 'Emergency drills',
  'enterprises.drills.title': 'Emergency drills',
  'enterprises.drills.subtitle': 'Emergency-plan drills held by villages, communities and units',
  'enterprises.drills.record': 'Record a drill',
  'enterprises.drills.heldOn': 'Held on',
  'enterprises.drills.name': 'Drill',
  'enterprises.drills.location': 'Location',
  'enterprises.drills.participants': 'Participants',
  'enterprises.drills.org': 'Village / community / unit',
  'enterprises.drills.notes': 'Notes',
  'enterprises.drills.period': 'Held between',
  'enterprises.drills.saved': 'Drill recorded',
  'enterprises.drills.required': 'Required',
  'enterprises.env.site.rectifyDays': 'Fix within (working days)',
  'enterprises.env.site.opened': 'Not met: added to the rectification ledger, due {deadline}',
};

export const drillMessages = { zh, en };
