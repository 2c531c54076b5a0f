import { ValueTransformer } from 'typeorm';

/** PostgreSQL bigint → number (fen amounts and sequence numbers stay below 2^53). */
export const bigintToNumber: ValueTransformer = {
  to: (value: number | null | undefined) => value,
  from: (value: string | null) => (value === null || value === undefined ? value : Number(value)),
};
