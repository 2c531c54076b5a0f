import { Controller, Get, HttpCode, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { z } from 'zod';
import { ApiZodBody, ApiZodParam, CurrentUser, Principal, Roles, ZodBody, ZodParam } from '@xiaojian/platform';
import { EnrolmentReportBody, enrolmentReportBodySchema, enrolmentReportDocSchema } from './dto/enrolment.schema';
import { EnrolmentReportView, EnrolmentService } from './enrolment.service';

const idSchema = z.uuid();

@ApiTags('enrolment 班级学生数')
@ApiBearerAuth()
@Controller('schools/:id/enrolment')
export class EnrolmentController {
  constructor(private readonly enrolment: EnrolmentService) {}

  @Post()
  @HttpCode(201)
  @Roles('planner')
  @ApiOperation({
    summary: '填报学期班级学生数',
    description:
      'One report per school and term. A second report for the same term is refused (409 enrolment-already-reported) unless sent with ' +
      'correction: true and a reason, which stores the next revision. Invalid reports are refused (400 invalid-enrolment-report) with every ' +
      'problem listed and nothing saved. Emits EnrolmentReportedV1, and CapacityChangedV1 when the capacity changes.',
  })
  @ApiZodParam('id', idSchema)
  @ApiZodBody(enrolmentReportDocSchema)
  @ApiCreatedResponse({ description: 'The stored report with its class-size bands and seat gaps' })
  report(@CurrentUser() user: Principal, @ZodParam('id', idSchema) id: string, @ZodBody(enrolmentReportBodySchema) body: EnrolmentReportBody): Promise<EnrolmentReportView> {
    return this.enrolment.report(user, id, body);
  }

  @Get()
  @ApiOperation({ summary: '学校的历次填报（含更正）', description: "The school's reports, latest term first, every revision." })
  @ApiZodParam('id', idSchema)
  @ApiOkResponse({ description: 'Reports' })
  list(@CurrentUser() user: Principal, @ZodParam('id', idSchema) id: string): Promise<EnrolmentReportView[]> {
    return this.enrolment.list(user, id);
  }
}
