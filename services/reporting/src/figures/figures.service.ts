import { Injectable } from '@nestjs/common';
import { ProblemException } from '@xiaojian/platform';
import { FactsRepository } from '../read-models/facts.repository';
import { computeFigures, Figures } from './compute-figures';

@Injectable()
export class FiguresService {
  constructor(private readonly facts: FactsRepository) {}

  async figures(countyCode: string, townshipCode: string | null, month: string): Promise<Figures> {
    return computeFigures(await this.facts.countyFacts(countyCode), { countyCode, townshipCode }, month);
  }

  /** The events behind one figure of the summary (or of a project row). */
  async trace(countyCode: string, townshipCode: string | null, month: string, figure: string) {
    const figures = await this.figures(countyCode, townshipCode, month);
    const normalized = figure.replace(/^summary\./, '');
    const key = figure.startsWith('projects.') ? figure : `summary.${normalized}`;
    const eventIds = figures.trace[key];
    if (!eventIds) {
      throw new ProblemException({
        status: 404,
        code: 'unknown-figure',
        title: { zh: '找不到该统计项', en: 'Unknown figure' },
        detail: {
          zh: `统计项“${figure}”不存在或不可追溯，请从 traceableFigures 中选择，例如 summary.funding.spentFen。`,
          en: `Figure "${figure}" does not exist or cannot be traced; pick one of traceableFigures, e.g. summary.funding.spentFen.`,
        },
        extensions: { traceableFigures: Object.keys(figures.trace).filter((k) => k.startsWith('summary.')).sort() },
      });
    }
    return { figure: key, county: countyCode, township: townshipCode, month, asOf: figures.asOf, eventIds: [...eventIds].sort(), events: await this.facts.events(eventIds) };
  }
}
