import { Controller, Get, HttpCode, Patch, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { z } from 'zod';
import {
  ApiZodBody, ApiZodOkResponse, ApiZodParam, ApiZodQuery, CurrentUser, Page, Principal, Roles, ZodBody, ZodParam, ZodQuery,
} from '@xiaojian/platform';
import {
  CreateSchool, ListSchoolsQuery, UpdateSchool, createSchoolSchema, listSchoolsQuerySchema, schoolPageSchema, schoolViewSchema, updateSchoolSchema,
} from './dto/school.schema';
import { SchoolDetail, SchoolView, SchoolsService } from './schools.service';

const idSchema = z.uuid();

@ApiTags('schools 学校')
@ApiBearerAuth()
@Controller('schools')
export class SchoolsController {
  constructor(private readonly schools: SchoolsService) {}

  @Post()
  @HttpCode(201)
  @Roles('planner')
  @ApiOperation({ summary: '登记学校', description: 'Registers a school (code unique within its county). Emits SchoolRegisteredV1 (and CapacityChangedV1 when a declared capacity is given).' })
  @ApiZodBody(createSchoolSchema)
  @ApiCreatedResponse({ description: 'The school' })
  create(@CurrentUser() user: Principal, @ZodBody(createSchoolSchema) body: CreateSchool): Promise<SchoolView> {
    return this.schools.create(user, body);
  }

  @Patch(':id')
  @Roles('planner')
  @ApiOperation({ summary: '修改学校（名称、状态、办学性质、核定学位）', description: 'Emits SchoolChangedV1 with the changed fields; a declared capacity change also CapacityChangedV1.' })
  @ApiZodParam('id', idSchema)
  @ApiZodBody(updateSchoolSchema)
  @ApiZodOkResponse(schoolViewSchema)
  update(@CurrentUser() user: Principal, @ZodParam('id', idSchema) id: string, @ZodBody(updateSchoolSchema) body: UpdateSchool): Promise<SchoolView> {
    return this.schools.update(user, id, body);
  }

  @Get()
  @ApiOperation({ summary: '学校列表', description: 'Schools in your jurisdiction, filtered and paginated (sort: name, code, capacity, createdAt; "-" for descending).' })
  @ApiZodQuery(listSchoolsQuerySchema)
  @ApiZodOkResponse(schoolPageSchema)
  list(@CurrentUser() user: Principal, @ZodQuery(listSchoolsQuerySchema) query: ListSchoolsQuery): Promise<Page<SchoolView>> {
    return this.schools.list(user, query);
  }

  @Get(':id')
  @ApiOperation({ summary: '学校详情：学位、最新班级学生数、班额分布、学位缺口、入学压力', description: 'A school with capacity, latest enrolment, class-size bands, seat gap, enrolment pressure and its projects\' seats.' })
  @ApiZodParam('id', idSchema)
  @ApiOkResponse({ description: 'The school with its figures' })
  get(@CurrentUser() user: Principal, @ZodParam('id', idSchema) id: string): Promise<SchoolDetail> {
    return this.schools.get(user, id);
  }
}
