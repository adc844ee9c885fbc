import { and, asc, eq } from 'drizzle-orm';
import { demoName, demoPhone } from '../../platform/demo-names.js';
import { idCheckChar } from '../../platform/id-number.js';
import { maskIdNumber, maskPhone } from '../../platform/masking.js';
import type { SeedContext } from '../../platform/module.js';
import { namePinyin } from '../../platform/pinyin.js';
import { randomInt } from '../../platform/random.js';
import { linkUserToMember } from '../accounts/index.js';
import { orgUnits } from '../org-units/index.js';
import { members, memberTransfers } from './members.table.js';

/** The report: 1,120余名党员 under points management. */
export const DEMO_MEMBER_COUNT = 1126;

/**
 * The order seeds walk members in: by name and birth date, which the seeded generator makes the same on every run
 * (unique in the demo street), never by id (random UUIDs), so each seeded draw lands on the same member each run.
 */
export const demoMemberOrder = () => [asc(members.namePinyin), asc(members.name), asc(members.birthDate), asc(members.id)];

function pad(n: number, w = 2) {
  return String(n).padStart(w, '0');
}

/** Generates the demo street's members across its branches, deterministic from the seed's random. */
export async function seedMembers(ctx: SeedContext): Promise<void> {
  const { db, tenantId, random, services } = ctx;
  const branches = await db
    .select()
    .from(orgUnits)
    .where(and(eq(orgUnits.tenantId, tenantId), eq(orgUnits.kind, 'branch')))
    // By name: paths are made of random UUIDs, so ordering by them dealt the seeded draws to different branches on
    // every run and the whole demo street changed from one run to the next.
    .orderBy(asc(orgUnits.name));
  const nonPublic = ['郑州中车', '明泰铝业', '志愿者协会', '老年协会'];
  const weightOf = (name: string) => (nonPublic.some((p) => name.includes(p)) ? 1 : name.includes('村') ? 3 : 2);
  const weights = branches.map((b) => weightOf(b.name));
  const totalWeight = weights.reduce((a, b) => a + b, 0);
  const usedIds = new Set<string>();
  const rows: (typeof members.$inferInsert)[] = [];
  let zhangId: string | null = null;
  const postsByIndex = ['书记', '组织委员', '宣传委员', '纪检委员'];

  for (let bi = 0; bi < branches.length; bi++) {
    const branch = branches[bi];
    const share = bi === branches.length - 1 ? DEMO_MEMBER_COUNT - rows.length : Math.round((DEMO_MEMBER_COUNT * weights[bi]) / totalWeight);
    for (let i = 0; i < share; i++) {
      const isZhang = branch.name === '石寨村第一党支部' && i === 0;
      const name = isZhang ? '张荣耀' : demoName(random);
      const birthYear = randomInt(random, 1940, 1998);
      const birth = `${birthYear}${pad(randomInt(random, 1, 12))}${pad(randomInt(random, 1, 28))}`;
      const female = random() < 0.32 && !isZhang;
      let id = '';
      do {
        const seq = randomInt(random, 0, 99) * 10 + (female ? randomInt(random, 0, 4) * 2 : randomInt(random, 0, 4) * 2 + 1);
        const first17 = `410182${birth}${pad(seq, 3)}`;
        id = first17 + idCheckChar(first17);
      } while (usedIds.has(id));
      usedIds.add(id);
      const phone = demoPhone(random);
      const py = namePinyin(name);
      const joinYear = Math.min(2018, Math.max(birthYear + 18, randomInt(random, 1965, 2018)));
      const probationary = joinYear >= 2018 || random() < 0.03;
      const memberId = crypto.randomUUID();
      if (isZhang) zhangId = memberId;
      rows.push({
        tenantId,
        id: memberId,
        orgId: branch.id,
        name,
        namePinyin: py.full,
        nameInitials: py.initials,
        gender: female ? 'female' : 'male',
        birthDate: `${birth.slice(0, 4)}-${birth.slice(4, 6)}-${birth.slice(6, 8)}`,
        ethnicity: '汉族',
        education: ['初中', '高中', '中专', '大专', '本科', '研究生'][randomInt(random, 0, 5)],
        idNumberEnc: services.cipher.encrypt(id),
        idNumberHash: services.cipher.blindIndex(id),
        idNumberMasked: maskIdNumber(id),
        phoneEnc: services.cipher.encrypt(phone),
        phoneHash: services.cipher.blindIndex(phone),
        phoneMasked: maskPhone(phone),
        phoneLast4: phone.slice(-4),
        category: probationary ? 'probationary' : 'formal',
        joinDate: `${joinYear}-${pad(randomInt(random, 1, 12))}-01`,
        regularisedDate: probationary ? null : `${Math.min(2018, joinYear + 1)}-${pad(randomInt(random, 1, 12))}-01`,
        posts: i < postsByIndex.length && i < 3 ? [postsByIndex[i]] : [],
        address: branch.name.replace(/第.党支部$|党支部$/, '') + `${randomInt(random, 1, 30)}号`,
      });
    }
  }
  for (let i = 0; i < rows.length; i += 250) await db.insert(members).values(rows.slice(i, i + 250));
  // Transfer history (转接组织关系) for every 40th member: arrived from the neighbouring branch.
  // Index-based, not drawn from `random`, so later modules' demo data stays the same.
  const transfers: (typeof memberTransfers.$inferInsert)[] = [];
  rows.forEach((r, i) => {
    if (i % 40 !== 17 || !r.id || branches.length < 2) return;
    const here = branches.findIndex((b) => b.id === r.orgId);
    const from = branches[(here + 1) % branches.length];
    transfers.push({ tenantId, memberId: r.id, fromOrgId: from.id, toOrgId: r.orgId, transferDate: `${2015 + (i % 4)}-${pad((i % 12) + 1)}-15`, reason: '工作调动' });
  });
  for (let i = 0; i < transfers.length; i += 500) await db.insert(memberTransfers).values(transfers.slice(i, i + 500));
  if (zhangId) await linkUserToMember(db, tenantId, 'dangyuan', zhangId);
}
