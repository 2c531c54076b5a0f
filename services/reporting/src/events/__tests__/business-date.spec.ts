import { Events } from '@xiaojian/contracts';
import { businessDateOf, eventFacts } from '../business-date';

describe('the business date an event counts on', () => {
  const time = '2025-11-03T17:30:00.000Z'; // 2025-11-04 01:30 in Shanghai

  it('takes the date the payload gives', () => {
    expect(businessDateOf(Events.ProjectRegisteredV1.type, { registeredOn: '2025-01-10' }, time)).toBe('2025-01-10');
    expect(businessDateOf(Events.ProjectPhaseChangedV1.type, { businessDate: '2025-10-31' }, time)).toBe('2025-10-31');
    expect(businessDateOf(Events.ProjectAcceptedV1.type, { acceptanceDate: '2025-10-25' }, time)).toBe('2025-10-25');
    expect(businessDateOf(Events.ExpenditureRecordedV1.type, { date: '2025-09-28' }, time)).toBe('2025-09-28');
    expect(businessDateOf(Events.EnrolmentReportedV1.type, { reportedOn: '2025-09-15' }, time)).toBe('2025-09-15');
    expect(businessDateOf(Events.ProjectMilestoneReachedV1.type, { actualDate: '2025-03-05' }, time)).toBe('2025-03-05');
  });

  it('counts a progress report on the last day of its month', () => {
    expect(businessDateOf(Events.ProjectProgressReportedV1.type, { month: '2024-02', reportedOn: '2024-03-02' }, time)).toBe('2024-02-29');
  });

  it('falls back to the Shanghai date of the event time for events without one', () => {
    expect(businessDateOf(Events.ProjectPlannedFiguresChangedV1.type, {}, time)).toBe('2025-11-04');
    expect(businessDateOf(Events.SeatTargetSetV1.type, {}, time)).toBe('2025-11-04');
  });

  it('indexes jurisdiction and project', () => {
    expect(eventFacts(Events.SeatTargetSetV1.type, { countyCode: '341321', townshipCode: null }, time)).toEqual({
      businessDate: '2025-11-04', countyCode: '341321', townshipCode: null, projectId: null,
    });
  });
});
