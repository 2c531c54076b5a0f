/**
 * The shared vocabulary (the brief's glossary): every code the services exchange, with its
 * Chinese and English label. Event schemas, domain rules, imports and bulletins all use these.
 */
export interface Bilingual {
  readonly zh: string;
  readonly en: string;
}

export const PROJECT_KINDS = ['new_build', 'expansion', 'renovation', 'weak_school_upgrade', 'dilapidated_rebuild', 'equipment'] as const;
export type ProjectKind = (typeof PROJECT_KINDS)[number];
export const PROJECT_KIND_LABELS: Readonly<Record<ProjectKind, Bilingual>> = {
  new_build: { zh: '新建', en: 'New build' },
  expansion: { zh: '改扩建', en: 'Expansion' },
  renovation: { zh: '维修改造', en: 'Renovation' },
  weak_school_upgrade: { zh: '薄弱学校改造', en: 'Weak-school upgrade' },
  dilapidated_rebuild: { zh: '危房改造', en: 'Dilapidated-building rebuild' },
  equipment: { zh: '设备购置', en: 'Equipment purchase' },
};

export const SCHOOL_LEVELS = ['kindergarten', 'primary', 'junior', 'nine_year', 'senior', 'special'] as const;
export type SchoolLevel = (typeof SCHOOL_LEVELS)[number];
export const SCHOOL_LEVEL_LABELS: Readonly<Record<SchoolLevel, Bilingual>> = {
  kindergarten: { zh: '幼儿园', en: 'Kindergarten' },
  primary: { zh: '小学', en: 'Primary school' },
  junior: { zh: '初中', en: 'Junior secondary school' },
  nine_year: { zh: '九年一贯制学校', en: 'Nine-year school' },
  senior: { zh: '普通高中', en: 'Senior secondary school' },
  special: { zh: '特殊教育学校', en: 'Special education school' },
};

export const OWNERSHIPS = ['public', 'private', 'inclusive_private'] as const;
export type Ownership = (typeof OWNERSHIPS)[number];
export const OWNERSHIP_LABELS: Readonly<Record<Ownership, Bilingual>> = {
  public: { zh: '公办', en: 'Public' },
  private: { zh: '民办', en: 'Private' },
  inclusive_private: { zh: '普惠性民办', en: 'Inclusive private' },
};

export const PROJECT_PHASES = [
  'approved',
  'preparation',
  'tendering',
  'under_construction',
  'completed',
  'accepted',
  'in_use',
  'suspended',
  'cancelled',
] as const;
export type ProjectPhase = (typeof PROJECT_PHASES)[number];
export const PROJECT_PHASE_LABELS: Readonly<Record<ProjectPhase, Bilingual>> = {
  approved: { zh: '立项', en: 'Approved' },
  preparation: { zh: '前期手续', en: 'Preparation' },
  tendering: { zh: '招投标', en: 'Tendering' },
  under_construction: { zh: '在建', en: 'Under construction' },
  completed: { zh: '竣工', en: 'Completed' },
  accepted: { zh: '竣工验收', en: 'Accepted' },
  in_use: { zh: '投入使用', en: 'In use' },
  suspended: { zh: '暂停', en: 'Suspended' },
  cancelled: { zh: '取消', en: 'Cancelled' },
};

export const FUNDING_SOURCES = [
  'central',
  'provincial',
  'municipal',
  'county',
  'education_surcharge',
  'local_education_surcharge',
  'special_bond',
  'counterpart_aid',
  'donation',
  'other',
] as const;
export type FundingSource = (typeof FUNDING_SOURCES)[number];
export const FUNDING_SOURCE_LABELS: Readonly<Record<FundingSource, Bilingual>> = {
  central: { zh: '中央', en: 'Central government' },
  provincial: { zh: '省级', en: 'Provincial government' },
  municipal: { zh: '市级', en: 'Municipal government' },
  county: { zh: '县级', en: 'County government' },
  education_surcharge: { zh: '教育费附加', en: 'Education surcharge' },
  local_education_surcharge: { zh: '地方教育附加', en: 'Local education surcharge' },
  special_bond: { zh: '专项债', en: 'Special-purpose bond' },
  counterpart_aid: { zh: '对口支援', en: 'Counterpart aid' },
  donation: { zh: '社会捐资', en: 'Donation' },
  other: { zh: '其他', en: 'Other' },
};
