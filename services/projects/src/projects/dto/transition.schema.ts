import { z } from 'zod';
import { PROJECT_PHASES } from '../../domain';

export const transitionSchema = z.strictObject({
  to: z.enum(PROJECT_PHASES).describe('目标阶段'),
  businessDate: z.string().describe('业务日期 YYYY-MM-DD，可以是过去日期，不能晚于今天'),
  reason: z.string().optional().describe('原因；暂停、取消时必填'),
  contractor: z.string().optional().describe('施工单位（进入“在建”时必填）'),
  contractAmount: z.string().optional().describe('合同金额（元，十进制字符串；进入“在建”时必填）'),
  actualStartDate: z.string().optional().describe('实际开工日期（默认为业务日期）'),
  acceptanceDate: z.string().optional().describe('竣工验收日期（默认为业务日期）'),
  deliveredSeats: z.number().int().optional().describe('交付学位数（进入“竣工验收”时必填）'),
  deliveredFloorArea: z.number().optional().describe('交付建筑面积（㎡）'),
  finalCost: z.string().optional().describe('决算金额（元，十进制字符串）'),
});
export type TransitionBody = z.output<typeof transitionSchema>;
