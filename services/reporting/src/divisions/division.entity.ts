import { Check, Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * Reference data: the name of a county (6-digit code) or township (9-digit code, its county's
 * code plus a serial). No event carries division names, so an administrator maintains them here
 * and every rendered or delivered bulletin prints them instead of the codes.
 */
@Entity({ name: 'division' })
@Check('division_code_shape', `"code" ~ '^[1-9][0-9]{5}([0-9]{3})?$'`)
export class DivisionEntity {
  /** 行政区划代码: 6 digits (county) or 9 digits (township). */
  @PrimaryColumn({ type: 'text' })
  code: string;

  @Column({ type: 'text' })
  name: string;

  @Column({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;

  /** The administrator's user id. */
  @Column({ name: 'updated_by', type: 'text' })
  updatedBy: string;
}
