import { Injectable } from '@nestjs/common';
import { shanghaiDate } from '@xiaojian/domain-kernel';
import { assertCanRead, Principal } from '@xiaojian/platform';
import { FiguresReport, SeatPipelineState, StandardClassSizes, computeFigures, pipelineAsOf } from '../domain';
import { EnrolmentRepository } from '../enrolment/enrolment.repository';
import { SchoolsRepository } from '../schools/schools.repository';
import { SeatsRepository } from '../seats/seats.repository';
import { InjectStandardSizes } from '../shared/standard-sizes';
import { TargetsRepository } from '../targets/targets.repository';
import { FiguresQuery } from './dto/figures.schema';

@Injectable()
export class FiguresService {
  constructor(
    private readonly schools: SchoolsRepository,
    private readonly seats: SeatsRepository,
    private readonly enrolment: EnrolmentRepository,
    private readonly targets: TargetsRepository,
    @InjectStandardSizes() private readonly sizes: StandardClassSizes,
  ) {}

  /**
   * Figures of a county (with every township and school) or of one township, as of the end of a
   * day: the seat pipeline replayed up to that day, each school's capacity and latest enrolment
   * report on that day, and the target year's targets.
   */
  async figures(user: Principal, query: FiguresQuery): Promise<FiguresReport> {
    const township = query.township;
    const county = query.county ?? township!.slice(0, 6);
    if (township) assertCanRead(user, { townshipCode: township });
    else assertCanRead(user, { countyCode: county });
    const asOf = query.asOf ?? shanghaiDate(new Date());
    const year = query.year ?? Number(asOf.slice(0, 4));

    const [ledger, schools, targets] = await Promise.all([
      this.seats.ledgerOfCounty(county, asOf),
      this.schools.inDivision(county, township),
      this.targets.ofCountyYear(county, year),
    ]);
    const pipeline = pipelineAsOf(ledger, asOf);
    if (township) pipeline.state = onlyTownship(pipeline.state, township);
    const ids = schools.map((s) => s.id);
    const [capacity, reports] = await Promise.all([this.schools.capacityAsOf(ids, asOf), this.enrolment.latestAsOf(ids, asOf)]);

    return computeFigures({
      asOf,
      year,
      countyCode: township ? null : county,
      pipeline,
      targets: targets
        .filter((t) => !township || t.townshipCode === township)
        .map((t) => ({ countyCode: t.countyCode, townshipCode: t.townshipCode, year: t.year, level: t.level, ownership: t.ownership, seats: t.seats })),
      schools: schools.map((s) => {
        const report = reports.get(s.id);
        return {
          schoolId: s.id, schoolCode: s.code, name: s.name, townshipCode: s.townshipCode, level: s.level, ownership: s.ownership, status: s.status,
          capacity: capacity.get(s.id) ?? 0,
          enrolment: report ? { term: report.term, grades: report.grades } : null,
        };
      }),
      sizes: this.sizes,
    });
  }
}

function onlyTownship(state: SeatPipelineState, township: string): SeatPipelineState {
  return { projects: Object.fromEntries(Object.entries(state.projects).filter(([, p]) => p.townshipCode === township)) };
}
