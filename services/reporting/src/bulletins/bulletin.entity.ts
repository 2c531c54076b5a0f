import { Column, Entity, Index, PrimaryColumn, Unique } from 'typeorm';
import type { BulletinDocument, FigureChange } from './bulletin-document';

/**
 * An issued bulletin: immutable (rows are only ever inserted). A re-issue of a month is a new
 * row with the next version. `scope_code` is the township code, or the county code for the
 * county summary, so that (county, township, month, version) is unique even when the township
 * is null.
 */
@Entity({ name: 'bulletin' })
@Unique('bulletin_version_key', ['countyCode', 'scopeCode', 'month', 'version'])
@Index('bulletin_township_idx', ['townshipCode', 'month'])
export class BulletinEntity {
  @PrimaryColumn({ type: 'uuid' })
  id: string;

  @Column({ name: 'county_code', type: 'text' })
  countyCode: string;

  @Column({ name: 'township_code', type: 'text', nullable: true })
  townshipCode: string | null;

  @Column({ name: 'scope_code', type: 'text' })
  scopeCode: string;

  @Column({ type: 'text' })
  month: string;

  @Column({ type: 'integer' })
  version: number;

  @Column({ type: 'jsonb' })
  document: BulletinDocument;

  /** sha256 of the canonical JSON of `document` (sorted keys, no whitespace). */
  @Column({ name: 'content_hash', type: 'text' })
  contentHash: string;

  /** sha256 of the canonical JSON of the figures (the document without version, issue time, changes). */
  @Column({ name: 'figures_hash', type: 'text' })
  figuresHash: string;

  @Column({ name: 'issued_at', type: 'timestamptz' })
  issuedAt: Date;

  @Column({ type: 'jsonb', nullable: true })
  changes: FigureChange[] | null;
}
