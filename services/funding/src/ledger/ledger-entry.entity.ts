import { Check, Column, Entity, Generated, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { FundingProjectEntity } from '../projects/funding-project.entity';
import { bigintToNumber } from './fen.transformer';

export const LEDGER_KINDS = ['allocation', 'disbursement', 'expenditure', 'reversal'] as const;
export type LedgerKind = (typeof LEDGER_KINDS)[number];
export type ReversibleKind = Exclude<LedgerKind, 'reversal'>;

/**
 * One line of the append-only funding ledger. Rows are never updated or deleted (a trigger
 * refuses it); corrections are `reversal` rows referencing the original. Every row carries the
 * project's jurisdiction, source and fiscal year as recorded, so its event rebuilds every figure.
 */
@Entity({ name: 'ledger_entry' })
@Index('idx_ledger_entry_project_seq', ['projectId', 'seq'])
@Index('idx_ledger_entry_township', ['townshipCode'])
@Index('idx_ledger_entry_kind_date', ['kind', 'date'])
@Check('chk_ledger_entry_amount_positive', 'amount_fen > 0')
@Check('chk_ledger_entry_kind', "kind IN ('allocation', 'disbursement', 'expenditure', 'reversal')")
export class LedgerEntryEntity {
  @PrimaryColumn('uuid')
  id!: string;

  /** Recording order: ties between entries of one date are broken by it. */
  @Column({ type: 'bigint', transformer: bigintToNumber })
  @Generated('increment')
  seq!: number;

  @Column({ type: 'varchar', length: 16 })
  kind!: LedgerKind;

  @Column({ name: 'project_id', type: 'uuid' })
  projectId!: string;

  @ManyToOne(() => FundingProjectEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'project_id', foreignKeyConstraintName: 'fk_ledger_entry_project' })
  project?: FundingProjectEntity;

  @Column({ name: 'county_code', type: 'varchar', length: 6 })
  countyCode!: string;

  @Column({ name: 'township_code', type: 'varchar', length: 9 })
  townshipCode!: string;

  /** The allocation's source; for expenditures the allocation the money is attributed to (FIFO). */
  @Column({ type: 'varchar', length: 32 })
  source!: string;

  @Column({ name: 'fiscal_year', type: 'integer' })
  fiscalYear!: number;

  /** Business date, Asia/Shanghai. */
  @Column({ type: 'date' })
  date!: string;

  @Column({ name: 'amount_fen', type: 'bigint', transformer: bigintToNumber })
  amountFen!: number;

  /** 文号 (allocations). */
  @Column({ name: 'document_number', type: 'varchar', length: 100, nullable: true })
  documentNumber!: string | null;

  /** The allocation a disbursement draws on (disbursements only). */
  @Column({ name: 'allocation_id', type: 'uuid', nullable: true })
  allocationId!: string | null;

  @ManyToOne(() => LedgerEntryEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'allocation_id', foreignKeyConstraintName: 'fk_ledger_entry_allocation' })
  allocation?: LedgerEntryEntity;

  @Column({ type: 'varchar', length: 200, nullable: true })
  payee!: string | null;

  @Column({ name: 'voucher_number', type: 'varchar', length: 100, nullable: true })
  voucherNumber!: string | null;

  @Column({ type: 'varchar', length: 500, nullable: true })
  purpose!: string | null;

  @Column({ name: 'original_id', type: 'uuid', nullable: true })
  originalId!: string | null;

  @ManyToOne(() => LedgerEntryEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'original_id', foreignKeyConstraintName: 'fk_ledger_entry_original' })
  original?: LedgerEntryEntity;

  @Column({ name: 'original_kind', type: 'varchar', length: 16, nullable: true })
  originalKind!: ReversibleKind | null;

  @Column({ type: 'varchar', length: 500, nullable: true })
  reason!: string | null;

  @Column({ name: 'recorded_by', type: 'varchar', length: 200 })
  recordedBy!: string;

  @Column({ name: 'recorded_at', type: 'timestamptz' })
  recordedAt!: Date;
}
