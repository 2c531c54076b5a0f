import { lowestBalanceFrom } from '../running-balance';

describe('lowestBalanceFrom', () => {
  const changes = [
    { date: '2025-01-10', deltaFen: 100 },
    { date: '2025-03-01', deltaFen: -80 },
    { date: '2025-06-01', deltaFen: 50 },
  ];

  it('is the final balance when nothing happens later', () => {
    expect(lowestBalanceFrom(changes, '2025-12-31')).toBe(70);
    expect(lowestBalanceFrom(changes, '2025-06-01')).toBe(70);
  });

  it('is the balance on the date when it only rises afterwards', () => {
    expect(lowestBalanceFrom(changes, '2025-04-01')).toBe(20);
    expect(lowestBalanceFrom(changes, '2025-03-01')).toBe(20);
  });

  it('is the later dip when one comes', () => {
    expect(lowestBalanceFrom(changes, '2025-02-01')).toBe(20);
    expect(lowestBalanceFrom(changes, '2025-01-10')).toBe(20);
  });

  it('is zero before anything and with nothing', () => {
    expect(lowestBalanceFrom(changes, '2025-01-01')).toBe(0);
    expect(lowestBalanceFrom([], '2025-01-01')).toBe(0);
  });

  it('nets changes of the same day before taking the minimum', () => {
    const sameDay = [
      { date: '2025-01-10', deltaFen: 100 },
      { date: '2025-02-01', deltaFen: -100 },
      { date: '2025-02-01', deltaFen: 100 },
    ];
    expect(lowestBalanceFrom(sameDay, '2025-01-15')).toBe(100);
  });
});
