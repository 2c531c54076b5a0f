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

export interface Label {
  readonly zh: string;
  readonly en: string;
}

export const FUNDING_SOURCE_LABELS: Readonly<Record<FundingSource, Label>> = {
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

export function isFundingSource(value: unknown): value is FundingSource {
  return typeof value === 'string' && (FUNDING_SOURCES as readonly string[]).includes(value);
}
