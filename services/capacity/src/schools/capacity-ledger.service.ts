import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { Events } from '@xiaojian/contracts';
import { OutboxWriter } from '@xiaojian/messaging';
import { CapacityBasis, effectiveCapacity } from '../domain';
import { CapacityCause } from './capacity-change.entity';
import { SchoolsRepository } from './schools.repository';
import { SchoolEntity } from './school.entity';

export interface CapacityChangeCause {
  cause: CapacityCause;
  causeId: string;
  /** Business date (YYYY-MM-DD, Asia/Shanghai). */
  date: string;
}

/**
 * The only writer of a school's capacity: stores the new basis, and when the capacity moves, a
 * history row and CapacityChangedV1 — all in the caller's transaction, on a locked school row.
 */
@Injectable()
export class CapacityLedger {
  constructor(
    private readonly schools: SchoolsRepository,
    private readonly outbox: OutboxWriter,
  ) {}

  basisOf(school: SchoolEntity): CapacityBasis {
    return { declaredCapacity: school.declaredCapacity, classCapacity: school.classCapacity, deliveredSinceBaseline: school.deliveredSinceBaseline };
  }

  async apply(manager: EntityManager, school: SchoolEntity, basis: CapacityBasis, cause: CapacityChangeCause): Promise<{ previous: number; capacity: number }> {
    const previous = school.capacity;
    const capacity = effectiveCapacity(basis);
    school.declaredCapacity = basis.declaredCapacity;
    school.classCapacity = basis.classCapacity;
    school.deliveredSinceBaseline = basis.deliveredSinceBaseline;
    school.capacity = capacity;
    school.updatedAt = new Date();
    await this.schools.save(manager, school);
    if (capacity !== previous) {
      await this.schools.insertCapacityChange(manager, {
        id: randomUUID(),
        schoolId: school.id,
        seq: await this.schools.nextCapacitySeq(manager, school.id),
        date: cause.date,
        previousCapacity: previous,
        capacity,
        cause: cause.cause,
        causeId: cause.causeId,
        recordedAt: new Date(),
      });
      await this.outbox.record(manager, Events.CapacityChangedV1, {
        schoolId: school.id,
        schoolCode: school.code,
        countyCode: school.countyCode,
        townshipCode: school.townshipCode,
        level: school.level,
        ownership: school.ownership,
        previousCapacity: previous,
        capacity,
        cause: cause.cause,
        causeId: cause.causeId,
        date: cause.date,
      });
    }
    return { previous, capacity };
  }
}
