import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * What funding knows about a project: a local projection of the projects service's events
 * (registered, planned figures changed, cancelled). Never written by this service's API.
 */
@Entity({ name: 'funding_project' })
@Index('idx_funding_project_county', ['countyCode'])
@Index('idx_funding_project_township', ['townshipCode'])
export class FundingProjectEntity {
  /** The projects service's project id (not generated here). */
  @PrimaryColumn('uuid')
  id!: string;

  @Column({ type: 'varchar', length: 64 })
  code!: string;

  @Column({ type: 'varchar', length: 200 })
  name!: string;

  @Column({ name: 'county_code', type: 'varchar', length: 6 })
  countyCode!: string;

  @Column({ name: 'township_code', type: 'varchar', length: 9 })
  townshipCode!: string;

  @Column({ type: 'boolean', default: false })
  cancelled!: boolean;

  /** Business date of the cancellation (Asia/Shanghai), when cancelled. */
  @Column({ name: 'cancelled_on', type: 'date', nullable: true })
  cancelledOn!: string | null;

  @Column({ name: 'registered_on', type: 'date' })
  registeredOn!: string;

  @Column({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}
