import { BandCounts } from './class-size';
import { RuleError } from '@xiaojian/domain-kernel';

/**
 * What a school's seat capacity is made of. The baseline is the declared capacity when the bureau
 * has declared one, otherwise the capacity computed from the latest enrolment report's classes
 * (classes × standard class size), otherwise 0. Seats delivered by projects accepted after the
 * baseline was set are added on top: a later enrolment report or declaration already counts the
 * classrooms those projects built, so it becomes the new baseline and the counter restarts.
 */
export interface CapacityBasis {
  declaredCapacity: number | null;
  classCapacity: number | null;
  deliveredSinceBaseline: number;
}

function assertSeats(field: string, n: number | null): void {
  if (n !== null && (!Number.isSafeInteger(n) || n < 0)) {
    throw new RuleError('invalid_count', `${field} 必须是非负整数`, `${field} must be a non-negative integer`, field);
  }
}

export function capacityBaseline(basis: Pick<CapacityBasis, 'declaredCapacity' | 'classCapacity'>): number {
  assertSeats('declaredCapacity', basis.declaredCapacity);
  assertSeats('classCapacity', basis.classCapacity);
  return basis.declaredCapacity ?? basis.classCapacity ?? 0;
}

export function effectiveCapacity(basis: CapacityBasis): number {
  assertSeats('deliveredSinceBaseline', basis.deliveredSinceBaseline);
  return capacityBaseline(basis) + basis.deliveredSinceBaseline;
}

/** The basis after a project delivered `seats` (applied once per project by the caller). */
export function afterDelivery(basis: CapacityBasis, seats: number): CapacityBasis {
  assertSeats('seats', seats);
  return { ...basis, deliveredSinceBaseline: basis.deliveredSinceBaseline + seats };
}

/**
 * The basis after an enrolment report: its class capacity becomes the baseline when no capacity is
 * declared (deliveries so far are in the reported classes); under a declared capacity the report
 * changes nothing that counts. A correction of a term reported earlier keeps the seats delivered
 * since that term was first reported (`deliveredSinceTermReported`); a first report passes 0.
 */
export function afterEnrolmentReport(basis: CapacityBasis, classCapacity: number, deliveredSinceTermReported = 0): CapacityBasis {
  assertSeats('classCapacity', classCapacity);
  assertSeats('deliveredSinceTermReported', deliveredSinceTermReported);
  if (basis.declaredCapacity !== null) return { ...basis, classCapacity };
  return { declaredCapacity: null, classCapacity, deliveredSinceBaseline: deliveredSinceTermReported };
}

/**
 * The basis after the declared capacity is set, changed or removed. Setting one makes it the
 * baseline (it states the whole capacity). Removing it falls back to the class capacity plus the
 * seats delivered since the latest enrolment report (`deliveredSinceLatestReport`, which the caller
 * sums from its delivery ledger).
 */
export function afterDeclaration(basis: CapacityBasis, declaredCapacity: number | null, deliveredSinceLatestReport: number): CapacityBasis {
  assertSeats('declaredCapacity', declaredCapacity);
  if (declaredCapacity !== null) return { ...basis, declaredCapacity, deliveredSinceBaseline: 0 };
  assertSeats('deliveredSinceLatestReport', deliveredSinceLatestReport);
  return { declaredCapacity: null, classCapacity: basis.classCapacity, deliveredSinceBaseline: deliveredSinceLatestReport };
}

/** Band counts as the EnrolmentReportedV1 contract names them. */
export function contractBands(counts: BandCounts): { normal: number; largeIsh: number; large: number; veryLarge: number } {
  return { normal: counts.normal, largeIsh: counts.large_ish, large: counts.large, veryLarge: counts.very_large };
}
