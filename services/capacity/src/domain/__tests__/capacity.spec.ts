import { RuleError } from '@xiaojian/domain-kernel';
import { afterDeclaration, afterDelivery, afterEnrolmentReport, capacityBaseline, contractBands, effectiveCapacity } from '../capacity';

const fresh = { declaredCapacity: null, classCapacity: null, deliveredSinceBaseline: 0 };

describe('effectiveCapacity', () => {
  it('is 0 for a school with no report, declaration or delivery', () => {
    expect(effectiveCapacity(fresh)).toBe(0);
  });

  it('is the declared capacity when declared, whatever the classes say', () => {
    expect(capacityBaseline({ declaredCapacity: 800, classCapacity: 1080 })).toBe(800);
    expect(capacityBaseline({ declaredCapacity: 0, classCapacity: 1080 })).toBe(0);
  });

  it('adds the seats delivered since the baseline', () => {
    expect(effectiveCapacity({ declaredCapacity: null, classCapacity: 1080, deliveredSinceBaseline: 450 })).toBe(1530);
  });

  it('rejects negative or fractional parts', () => {
    expect(() => effectiveCapacity({ ...fresh, deliveredSinceBaseline: -1 })).toThrow(RuleError);
    expect(() => capacityBaseline({ declaredCapacity: 1.5, classCapacity: null })).toThrow(RuleError);
  });
});

describe('capacity basis transitions', () => {
  it('a delivery raises capacity by exactly the delivered seats', () => {
    const basis = { declaredCapacity: null, classCapacity: 1080, deliveredSinceBaseline: 0 };
    expect(effectiveCapacity(afterDelivery(basis, 450))).toBe(1530);
    expect(effectiveCapacity(afterDelivery(afterDelivery(basis, 450), 90))).toBe(1620);
    expect(() => afterDelivery(basis, -5)).toThrow(RuleError);
  });

  it('a first enrolment report becomes the baseline: earlier deliveries are in its classes', () => {
    const delivered = afterDelivery({ declaredCapacity: null, classCapacity: 1080, deliveredSinceBaseline: 0 }, 450);
    const next = afterEnrolmentReport(delivered, 1350);
    expect(next).toEqual({ declaredCapacity: null, classCapacity: 1350, deliveredSinceBaseline: 0 });
    expect(effectiveCapacity(next)).toBe(1350);
  });

  it('a corrected report keeps the seats delivered since the term was first reported', () => {
    const next = afterEnrolmentReport({ declaredCapacity: null, classCapacity: 1080, deliveredSinceBaseline: 450 }, 1125, 450);
    expect(effectiveCapacity(next)).toBe(1575);
  });

  it('under a declared capacity a report only records the class capacity', () => {
    const next = afterEnrolmentReport({ declaredCapacity: 900, classCapacity: null, deliveredSinceBaseline: 90 }, 1350);
    expect(next).toEqual({ declaredCapacity: 900, classCapacity: 1350, deliveredSinceBaseline: 90 });
    expect(effectiveCapacity(next)).toBe(990);
  });

  it('declaring a capacity restarts the delivered counter; removing it falls back to classes plus later deliveries', () => {
    const declared = afterDeclaration({ declaredCapacity: null, classCapacity: 1080, deliveredSinceBaseline: 450 }, 1600, 999);
    expect(declared).toEqual({ declaredCapacity: 1600, classCapacity: 1080, deliveredSinceBaseline: 0 });
    const removed = afterDeclaration(declared, null, 450);
    expect(removed).toEqual({ declaredCapacity: null, classCapacity: 1080, deliveredSinceBaseline: 450 });
    expect(effectiveCapacity(removed)).toBe(1530);
  });
});

describe('contractBands', () => {
  it('renames the bands as EnrolmentReportedV1 spells them', () => {
    expect(contractBands({ classes: 10, normal: 4, large_ish: 3, large: 2, very_large: 1 })).toEqual({ normal: 4, largeIsh: 3, large: 2, veryLarge: 1 });
  });
});
