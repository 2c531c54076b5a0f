import { ValueTransformer } from 'typeorm';

/** PostgreSQL `bigint` / `numeric` come back as strings; amounts and areas stay far below 2^53. */
export const numberTransformer: ValueTransformer = {
  to: (value: number | null | undefined) => value,
  from: (value: string | null) => (value === null || value === undefined ? null : Number(value)),
};
