import { computeCountyFigures } from '../../figures/county-figures';
import { COUNTY, scriptedFacts, T1 } from '../../figures/__tests__/facts.fixture';
import { canonicalJson, countyDraft, diffFigures, figuresHash, sha256, townshipDraft } from '../bulletin-content';
import type { BulletinDocument } from '../bulletin-document';

describe('canonical JSON and hashes', () => {
  it('sorts keys at every level and drops undefined members', () => {
    expect(canonicalJson({ b: 1, a: { d: [2, { z: 1, y: undefined, x: null }], c: 'é' } })).toBe('{"a":{"c":"é","d":[2,{"x":null,"z":1}]},"b":1}');
    expect(sha256('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
  });

  it('gives the figures the same hash whatever the version, issue time or key order', () => {
    const county = computeCountyFigures(scriptedFacts(), COUNTY, '2025-10');
    const draft = townshipDraft(county.townships[0]);
    const issued: BulletinDocument = { ...draft, version: 3, issuedAt: '2025-11-01T00:00:00.000Z', changes: [] };
    const { summary, ...rest } = draft;
    const reordered = JSON.parse(JSON.stringify({ summary, ...rest }));
    expect(figuresHash(issued)).toBe(figuresHash(draft));
    expect(figuresHash(reordered)).toBe(figuresHash(draft));
    expect(figuresHash({ ...draft, summary: { ...draft.summary, weightedProgressPercent: '1.0' } })).not.toBe(figuresHash(draft));
  });
});

describe('the figures that changed between two versions', () => {
  const october = computeCountyFigures(scriptedFacts(), COUNTY, '2025-10');
  const township = townshipDraft(october.townships.find((f) => f.scope.townshipCode === T1)!);

  it('is empty for equal figures', () => {
    expect(diffFigures(township, JSON.parse(JSON.stringify(township)))).toEqual([]);
  });

  it('names each changed leaf by a stable path (rows by code, sources by name)', () => {
    const facts = scriptedFacts();
    facts.ledger.push({ ...facts.ledger.find((e) => e.eventId === 'ev-x1')!, entryId: 'e-late', eventId: 'ev-late', date: '2025-09-28', amountFen: 100_000 });
    const after = townshipDraft(computeCountyFigures(facts, COUNTY, '2025-10').townships.find((f) => f.scope.townshipCode === T1)!);
    expect(diffFigures(township, after)).toEqual([
      { path: 'projects.A-001.spendingRate', previous: { kind: 'rate', percent: '40.0' }, current: { kind: 'rate', percent: '46.7' } },
      { path: 'projects.A-001.spentFen', previous: 600_000, current: 700_000 },
      { path: 'summary.funding.bySource.central.spendingRate', previous: { kind: 'rate', percent: '60.0' }, current: { kind: 'rate', percent: '70.0' } },
      { path: 'summary.funding.bySource.central.spentFen', previous: 600_000, current: 700_000 },
      { path: 'summary.funding.spendingRate', previous: { kind: 'rate', percent: '54.3' }, current: { kind: 'rate', percent: '57.1' } },
      { path: 'summary.funding.spentFen', previous: 1_900_000, current: 2_000_000 },
    ]);
  });

  it('reports rows that appear or disappear', () => {
    const county = countyDraft(october);
    const fewer = { ...county, laggards: { ...county.laggards!, overdueProjects: [] } };
    expect(diffFigures(county, fewer)).toEqual([{ path: 'laggards.overdueProjects', previous: ['A-003'], current: [] }]);
  });
});
