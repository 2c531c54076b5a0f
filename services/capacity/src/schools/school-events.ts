import { EventData, Events } from '@xiaojian/contracts';
import { SchoolEntity } from './school.entity';

type SchoolData = EventData<typeof Events.SchoolRegisteredV1>;

/** The school part of SchoolRegisteredV1 / SchoolChangedV1. */
export function schoolEventData(school: SchoolEntity): SchoolData {
  return {
    schoolId: school.id,
    schoolCode: school.code,
    name: school.name,
    level: school.level,
    ownership: school.ownership,
    countyCode: school.countyCode,
    townshipCode: school.townshipCode,
    status: school.status,
    declaredCapacity: school.declaredCapacity,
  };
}
