import { z } from 'zod';
import { isCountyCode, isTownshipCode } from '@xiaojian/domain-kernel';
import { localized } from '@xiaojian/platform';
import { OWNERSHIPS, SCHOOL_LEVELS } from '../domain';

export const countyCodeSchema = z.string().refine(isCountyCode, localized('县级行政区划代码应为6位数字（如 341321）', 'must be a 6-digit county division code'));
export const townshipCodeSchema = z.string().refine((v) => isTownshipCode(v), localized('乡镇（街道）行政区划代码应为9位数字（如 341321101）', 'must be a 9-digit township division code'));
export const schoolLevelSchema = z.enum(SCHOOL_LEVELS);
export const ownershipSchema = z.enum(OWNERSHIPS);
export const seatsSchema = z.number().int().min(0).max(1_000_000);
export const dateSchema = z.iso.date();

/** 普惠性民办 is a kindergarten designation only. */
export const inclusivePrivateOnlyForKindergartens = localized(
  '“普惠性民办”只适用于幼儿园，其他学段请选择“公办”或“民办”',
  'inclusive_private ownership applies to kindergartens only',
);
export const townshipOutsideCounty = localized('乡镇（街道）代码不属于所填的县（区）', 'the township is not in the given county');
