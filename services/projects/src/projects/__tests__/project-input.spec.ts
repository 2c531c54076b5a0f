import { validateNewProject } from '../project-input';

const TODAY = '2025-06-15';
const valid = {
  code: ' XJ-1 ', name: '城关二小改扩建', kind: 'expansion', schoolCode: 'S1', schoolName: '城关二小', schoolLevel: 'primary', ownership: 'public',
  countyCode: '341321', townshipCode: '341321100', plannedInvestment: '12345678.90', plannedFloorArea: 8600.5, plannedSeats: 900,
  plannedStartDate: '2025-03-01', plannedCompletionDate: '2026-08-31', programmeYear: 2025,
};
const fields = (r: ReturnType<typeof validateNewProject>) => (r.ok ? [] : r.error.map((e) => `${e.field}:${e.code}`));

describe('validateNewProject', () => {
  it('converts yuan to fen exactly, trims text and derives the milestone plan', () => {
    const r = validateNewProject({ ...valid, plannedMilestones: { tendering: '2025-02-01', preparation: '2025-01-10' } }, TODAY);
    if (!r.ok) throw new Error(JSON.stringify(r.error));
    expect(r.value).toMatchObject({ code: 'XJ-1', plannedInvestmentFen: 1_234_567_890, approvedOn: TODAY, programmeName: '', notes: '' });
    expect(r.value.plannedMilestones).toEqual({ preparation: '2025-01-10', tendering: '2025-02-01', under_construction: '2025-03-01', completed: '2026-08-31' });
    expect(Object.keys(r.value.plannedMilestones)).toEqual(['preparation', 'tendering', 'under_construction', 'completed']);
  });

  it('names every bad field with API field names', () => {
    expect(fields(validateNewProject({ ...valid, plannedInvestment: '1e5', plannedSeats: -1, plannedFloorArea: 1.234, townshipCode: '341322100' }, TODAY)).sort()).toEqual([
      'plannedFloorArea:too_many_decimals', 'plannedInvestment:money.exponent', 'plannedSeats:too_small', 'townshipCode:township_not_in_county',
    ]);
    expect(fields(validateNewProject({ ...valid, plannedInvestment: undefined, name: '  ' }, TODAY)).sort()).toEqual(['name:required', 'plannedInvestment:required']);
    expect(fields(validateNewProject({ ...valid, plannedInvestment: '0' }, TODAY))).toEqual(['plannedInvestment:too_small']);
  });

  it('refuses division codes of the wrong shape, a future approval date and out-of-order milestones', () => {
    expect(fields(validateNewProject({ ...valid, countyCode: '041321', townshipCode: '041321100' }, TODAY))).toEqual(['countyCode:invalid_division_code', 'townshipCode:invalid_division_code']);
    expect(fields(validateNewProject({ ...valid, townshipCode: '341321000' }, TODAY))).toEqual(['townshipCode:invalid_division_code']);
    expect(fields(validateNewProject({ ...valid, approvedOn: '2025-06-16' }, TODAY))).toEqual(['approvedOn:date_in_future']);
    expect(fields(validateNewProject({ ...valid, plannedMilestones: { tendering: '2025-04-01' } }, TODAY))).toEqual(['plannedStartDate:milestones_out_of_order']);
    expect(fields(validateNewProject({ ...valid, plannedMilestones: { accepted: '2026-01-01' } }, TODAY))).toEqual(['plannedMilestones.accepted:milestones_out_of_order']);
    expect(fields(validateNewProject({ ...valid, plannedMilestones: { completed: '2026-01-01' } }, TODAY))).toEqual(['plannedMilestones.completed:invalid_phase']);
  });
});
