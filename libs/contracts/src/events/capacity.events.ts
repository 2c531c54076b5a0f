import { z } from 'zod';
import { businessDate, jurisdiction, ownership, schoolLevel, seats, uuid } from './common';

const school = {
  schoolId: uuid,
  schoolCode: z.string().min(1).max(64),
  name: z.string().min(1).max(200),
  level: schoolLevel,
  ownership,
  ...jurisdiction,
  status: z.enum(['open', 'merged', 'closed']),
  declaredCapacity: seats.nullable(),
};

export const schoolRegisteredV1 = z.object(school);
export const schoolChangedV1 = z.object({ ...school, changedFields: z.array(z.string()).min(1) });

const classSizeBands = z.object({
  normal: z.number().int().nonnegative(),
  largeIsh: z.number().int().nonnegative(),
  large: z.number().int().nonnegative(),
  veryLarge: z.number().int().nonnegative(),
});

export const enrolmentReportedV1 = z.object({
  schoolId: uuid,
  schoolCode: z.string(),
  ...jurisdiction,
  level: schoolLevel,
  ownership,
  term: z.string().regex(/^\d{4}-(spring|autumn)$/),
  reportedOn: businessDate,
  classes: z.number().int().nonnegative(),
  pupils: z.number().int().nonnegative(),
  capacity: seats,
  classSizeBands,
  seatGapNoLargeClasses: seats,
  seatGapStandardSize: seats,
});

export const seatsDeliveredV1 = z.object({
  projectId: uuid,
  schoolCode: z.string(),
  ...jurisdiction,
  level: schoolLevel,
  ownership,
  deliveredSeats: seats,
  date: businessDate,
});

export const capacityChangedV1 = z.object({
  schoolId: uuid,
  schoolCode: z.string(),
  ...jurisdiction,
  level: schoolLevel,
  ownership,
  previousCapacity: seats,
  capacity: seats,
  cause: z.enum(['seats_delivered', 'enrolment_report', 'declared']),
  causeId: z.string(),
  date: businessDate,
});

export const seatTargetSetV1 = z.object({
  targetId: uuid,
  countyCode: jurisdiction.countyCode,
  townshipCode: jurisdiction.townshipCode.nullable(),
  year: z.number().int().min(2000).max(2100),
  level: schoolLevel,
  ownership,
  seats,
  setBy: z.string(),
});
