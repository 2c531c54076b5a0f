import { FUNDING_SOURCE_LABELS, FUNDING_SOURCES, isFundingSource } from '../funding-source';

describe('funding sources', () => {
  it('has the ten sources with Chinese and English labels', () => {
    expect(FUNDING_SOURCES).toEqual([
      'central', 'provincial', 'municipal', 'county', 'education_surcharge', 'local_education_surcharge',
      'special_bond', 'counterpart_aid', 'donation', 'other',
    ]);
    expect(FUNDING_SOURCES.map((s) => FUNDING_SOURCE_LABELS[s].zh)).toEqual([
      '中央', '省级', '市级', '县级', '教育费附加', '地方教育附加', '专项债', '对口支援', '社会捐资', '其他',
    ]);
    for (const s of FUNDING_SOURCES) expect(FUNDING_SOURCE_LABELS[s].en).toMatch(/^[A-Z]/);
  });

  it('recognises only those sources', () => {
    expect(isFundingSource('special_bond')).toBe(true);
    expect(isFundingSource('Central')).toBe(false);
    expect(isFundingSource('toString')).toBe(false);
    expect(isFundingSource(undefined)).toBe(false);
  });
});
