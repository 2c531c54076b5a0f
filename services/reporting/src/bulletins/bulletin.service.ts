import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { InjectLogger, PlatformLogger, ProblemException } from '@xiaojian/platform';
import { computeCountyFigures } from '../figures/county-figures';
import { DivisionService } from '../divisions/division.service';
import { FactsRepository } from '../read-models/facts.repository';
import { BulletinDocument, BulletinFormat, BulletinLanguage } from './bulletin-document';
import { BulletinDraft, canonicalJson, countyDraft, diffFigures, figuresHash, sha256, townshipDraft } from './bulletin-content';
import { BulletinEntity } from './bulletin.entity';
import { BulletinRepository } from './bulletin.repository';
import { renderBulletin } from './render';

export interface RunResult {
  countyCode: string;
  month: string;
  /** Bulletins issued by this run (new or re-issued versions). */
  issued: { id: string; scopeCode: string; version: number; changes: number }[];
  /** Bulletins whose figures equal their latest version: nothing issued. */
  unchanged: number;
}

/**
 * Generates a month's bulletins for a county (every township plus the county summary) and issues
 * a new version only where the figures differ from the latest one. Runs of the same county and
 * month are serialised by an advisory lock, and the figures are read after taking it.
 */
@Injectable()
export class BulletinService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly facts: FactsRepository,
    private readonly bulletins: BulletinRepository,
    private readonly divisions: DivisionService,
    @InjectLogger() private readonly logger: PlatformLogger,
  ) {}

  async generate(countyCode: string, month: string, now: Date = new Date()): Promise<RunResult> {
    const result: RunResult = { countyCode, month, issued: [], unchanged: 0 };
    await this.dataSource.transaction(async (manager) => {
      await manager.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`bulletin-run:${countyCode}:${month}`]);
      const facts = await this.facts.countyFacts(countyCode, manager);
      const county = computeCountyFigures(facts, countyCode, month);
      const drafts: BulletinDraft[] = [...county.townships.map(townshipDraft), countyDraft(county)];
      for (const draft of drafts) {
        const scopeCode = draft.townshipCode ?? draft.countyCode;
        const latest = await this.bulletins.latest(manager, countyCode, scopeCode, month);
        const hash = figuresHash(draft);
        if (latest && latest.figuresHash === hash) {
          result.unchanged += 1;
          continue;
        }
        const changes = latest ? diffFigures(latest.document, draft) : null;
        const document: BulletinDocument = {
          ...draft,
          version: (latest?.version ?? 0) + 1,
          issuedAt: now.toISOString(),
          ...(changes ? { changes } : {}),
        };
        const entity: BulletinEntity = {
          id: randomUUID(),
          countyCode,
          townshipCode: draft.townshipCode,
          scopeCode,
          month,
          version: document.version,
          document,
          contentHash: contentHashOf(document),
          figuresHash: hash,
          issuedAt: now,
          changes,
        };
        await this.bulletins.insert(manager, entity);
        result.issued.push({ id: entity.id, scopeCode, version: entity.version, changes: changes?.length ?? 0 });
      }
    });
    this.logger.info({ countyCode, month, issued: result.issued.length, unchanged: result.unchanged }, 'bulletin run finished');
    return result;
  }

  async get(id: string): Promise<BulletinEntity> {
    const bulletin = await this.bulletins.findById(id);
    if (!bulletin) throw ProblemException.notFound({ zh: '通报', en: 'Bulletin' }, id);
    return bulletin;
  }

  async latestForTownship(townshipCode: string, month: string): Promise<BulletinEntity> {
    const bulletin = await this.bulletins.latestForTownship(townshipCode, month);
    if (!bulletin) {
      throw new ProblemException({
        status: 404,
        code: 'bulletin-not-issued',
        title: { zh: '该月通报尚未印发', en: 'No bulletin issued yet' },
        detail: {
          zh: `乡镇 ${townshipCode} ${month} 的月度进度通报尚未生成，请联系县教育局生成后再查看。`,
          en: `No bulletin has been issued for township ${townshipCode} and ${month} yet; ask the county bureau to run it.`,
        },
      });
    }
    return bulletin;
  }

  /**
   * The issued document in a format and language, with the county's and townships' names as they
   * are now (reference data, not part of the document: JSON stays the document itself). The
   * content hash is printed in it.
   */
  async render(bulletin: BulletinEntity, format: BulletinFormat, lang: BulletinLanguage) {
    const divisionNames = format === 'json' ? {} : await this.divisions.namesOfCounty(bulletin.countyCode);
    return renderBulletin(bulletin.document, format, lang, { contentHash: bulletin.contentHash, divisionNames });
  }
}

/** sha256 of the canonical JSON of the issued document. */
export function contentHashOf(document: BulletinDocument): string {
  return sha256(canonicalJson(document));
}
