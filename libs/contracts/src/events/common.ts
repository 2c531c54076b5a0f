import { z } from 'zod';
import { FUNDING_SOURCES, OWNERSHIPS, PROJECT_KINDS, PROJECT_PHASES, SCHOOL_LEVELS } from '../glossary';

/** Building blocks shared by every event schema, so the same field means the same thing everywhere. */
export const uuid = z.uuid();
export const businessDate = z.iso.date().describe('Business date in Asia/Shanghai, YYYY-MM-DD');
export const month = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'expected YYYY-MM').describe('Calendar month in Asia/Shanghai');
export const countyCode = z.string().regex(/^\d{6}$/, 'expected a 6-digit county division code');
export const townshipCode = z.string().regex(/^\d{9}$/, 'expected a 9-digit township division code');
/** Money is integer fen (1 yuan = 100 fen); never a float. */
export const fen = z.number().int().nonnegative().max(Number.MAX_SAFE_INTEGER).describe('Amount in integer fen');
export const positiveFen = fen.min(1);
export const seats = z.number().int().nonnegative().max(1_000_000);
export const squareMetres = z.number().nonnegative().max(10_000_000);

export const projectKind = z.enum(PROJECT_KINDS);
export const schoolLevel = z.enum(SCHOOL_LEVELS);
export const ownership = z.enum(OWNERSHIPS);
export const projectPhase = z.enum(PROJECT_PHASES);
export const fundingSource = z.enum(FUNDING_SOURCES);

/** Where an aggregate sits; every event that a jurisdiction-scoped reader needs carries it. */
export const jurisdiction = { countyCode, townshipCode };
