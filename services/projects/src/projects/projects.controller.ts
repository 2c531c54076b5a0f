import { Controller, Get, Headers, HttpCode, Patch, Post, Res, StreamableFile, UploadedFile } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiHeader, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import {
  ApiZodBody,
  ApiZodQuery,
  CurrentUser,
  Principal,
  Roles,
  ZodBody,
  ZodParam,
  ZodQuery,
} from '@xiaojian/platform';
import { z } from 'zod';
import { CreateProjectBody, ListProjectsQuery, UpdatePlannedFiguresBody, createProjectSchema, listProjectsQuery, projectIdParam, updatePlannedFiguresSchema } from './dto/project.schema';
import { ProgressReportBody, monthParam, progressReportSchema } from './dto/progress.schema';
import { TransitionBody, transitionSchema } from './dto/transition.schema';
import { EvidenceService } from './evidence/evidence.service';
import { MAX_EVIDENCE_BYTES } from './evidence/file-type';
import { SingleFileUpload, UploadedFileLike, missingFileProblem } from './evidence/upload.decorator';
import { attachmentDisposition } from './http.util';
import { etagOf } from './project.etag';
import { ProjectView } from './project.view';
import { ProgressService } from './progress.service';
import { ProjectsService } from './projects.service';
import { TransitionsService } from './transitions.service';

const IF_MATCH = {
  name: 'If-Match',
  description: '读取项目时返回的 ETag（如 "3"），用于防止覆盖他人的修改。The ETag you read.',
};

@ApiTags('projects')
@ApiBearerAuth()
@Controller('projects')
export class ProjectsController {
  constructor(
    private readonly projects: ProjectsService,
    private readonly transitions: TransitionsService,
    private readonly progress: ProgressService,
    private readonly evidence: EvidenceService,
  ) {}

  @Post()
  @Roles('planner')
  @ApiOperation({ summary: '登记项目（立项）Register a project', description: '仅限本县规划（基建）股。Planners of the project\'s county only.' })
  @ApiZodBody(createProjectSchema)
  @ApiCreatedResponse({ description: '已登记；响应头 ETag、Location。Registered.' })
  async create(
    @CurrentUser() user: Principal,
    @ZodBody(createProjectSchema) body: CreateProjectBody,
    @Res({ passthrough: true }) res: Response,
  ): Promise<ProjectView> {
    const project = await this.projects.create(user, body);
    res.setHeader('ETag', etagOf(project.version));
    res.setHeader('Location', `/api/v1/projects/${project.id}`);
    return this.projects.view(project);
  }

  @Get()
  @ApiOperation({ summary: '项目列表 List projects', description: '按管辖范围过滤：乡镇用户只能看到本乡镇项目。Filtered by jurisdiction.' })
  @ApiZodQuery(listProjectsQuery)
  @ApiOkResponse({ description: '{ items, page, pageSize, total }' })
  list(@CurrentUser() user: Principal, @ZodQuery(listProjectsQuery) query: ListProjectsQuery) {
    return this.projects.list(user, query);
  }

  @Get(':id')
  @ApiOperation({ summary: '项目详情 Get a project' })
  @ApiOkResponse({ description: '项目；响应头 ETag。The project, with its ETag.' })
  async get(
    @CurrentUser() user: Principal,
    @ZodParam('id', projectIdParam) id: string,
    @Res({ passthrough: true }) res: Response,
  ): Promise<ProjectView> {
    const project = await this.projects.get(user, id);
    res.setHeader('ETag', etagOf(project.version));
    return this.projects.view(project);
  }

  @Patch(':id')
  @Roles('planner')
  @ApiOperation({ summary: '修改计划指标 Update planned figures', description: '必须带 If-Match；版本过期返回 412，缺少返回 428。' })
  @ApiHeader({ ...IF_MATCH, required: true })
  @ApiZodBody(updatePlannedFiguresSchema)
  @ApiOkResponse({ description: '修改后的项目与新 ETag。The updated project.' })
  async update(
    @CurrentUser() user: Principal,
    @ZodParam('id', projectIdParam) id: string,
    @Headers('if-match') ifMatch: string | undefined,
    @ZodBody(updatePlannedFiguresSchema) body: UpdatePlannedFiguresBody,
    @Res({ passthrough: true }) res: Response,
  ): Promise<ProjectView> {
    const project = await this.projects.updatePlannedFigures(user, id, ifMatch, body);
    res.setHeader('ETag', etagOf(project.version));
    return this.projects.view(project);
  }

  @Post(':id/transitions')
  @HttpCode(200)
  @Roles('planner')
  @ApiOperation({
    summary: '变更项目阶段 Move a project to another phase',
    description: '非法变更返回 409（含 currentPhase、allowedNextPhases）；数据有误返回 422。If-Match 可选。',
  })
  @ApiHeader({ ...IF_MATCH, required: false })
  @ApiZodBody(transitionSchema)
  @ApiOkResponse({ description: '变更后的项目。The project in its new phase.' })
  async transition(
    @CurrentUser() user: Principal,
    @ZodParam('id', projectIdParam) id: string,
    @Headers('if-match') ifMatch: string | undefined,
    @ZodBody(transitionSchema) body: TransitionBody,
    @Res({ passthrough: true }) res: Response,
  ): Promise<ProjectView> {
    const project = await this.transitions.transition(user, id, body, ifMatch);
    res.setHeader('ETag', etagOf(project.version));
    return this.projects.view(project);
  }

  @Get(':id/transitions')
  @ApiOperation({ summary: '阶段变更记录 Phase transitions' })
  @ApiOkResponse({ description: '{ projectId, phase, items }' })
  listTransitions(@CurrentUser() user: Principal, @ZodParam('id', projectIdParam) id: string) {
    return this.transitions.transitions(user, id);
  }

  @Get(':id/milestones')
  @ApiOperation({ summary: '里程碑（计划与实际日期、逾期天数）Milestones: planned vs actual' })
  @ApiOkResponse({ description: '{ projectId, phase, asOf, overdue, milestones[] }' })
  milestones(@CurrentUser() user: Principal, @ZodParam('id', projectIdParam) id: string) {
    return this.transitions.milestones(user, id);
  }

  @Post(':id/progress')
  @Roles('planner')
  @ApiOperation({
    summary: '填报月度形象进度 Report monthly progress',
    description: '进度不能倒退、同月不能重复填报（更正须 correction=true 并填写原因）；未来月份、暂停/取消/投入使用的项目不能填报（409）。',
  })
  @ApiZodBody(progressReportSchema)
  @ApiCreatedResponse({ description: '{ report, project }' })
  async report(
    @CurrentUser() user: Principal,
    @ZodParam('id', projectIdParam) id: string,
    @ZodBody(progressReportSchema) body: ProgressReportBody,
    @Res({ passthrough: true }) res: Response,
  ) {
    const { project, report } = await this.progress.report(user, id, body);
    res.setHeader('ETag', etagOf(project.version));
    return { report, project: this.projects.view(project) };
  }

  @Get(':id/progress')
  @ApiOperation({ summary: '进度填报记录（含更正历史）Progress reports with history' })
  @ApiOkResponse({ description: '{ projectId, latestProgress, items }' })
  listProgress(@CurrentUser() user: Principal, @ZodParam('id', projectIdParam) id: string) {
    return this.progress.list(user, id);
  }

  @Post(':id/progress/:month/evidence')
  @Roles('planner')
  @SingleFileUpload('file', MAX_EVIDENCE_BYTES, '证明材料（jpg/png/pdf/docx/xlsx，≤10 MB，按文件内容识别类型）')
  @ApiOperation({ summary: '上传进度证明材料 Upload progress evidence' })
  @ApiCreatedResponse({ description: '{ id, fileName, contentType, sizeBytes, sha256, … }' })
  uploadEvidence(
    @CurrentUser() user: Principal,
    @ZodParam('id', projectIdParam) id: string,
    @ZodParam('month', monthParam) month: string,
    @UploadedFile() file: UploadedFileLike | undefined,
  ) {
    if (!file) throw missingFileProblem('file');
    return this.evidence.upload(user, id, month, file);
  }

  @Get(':id/progress/:month/evidence')
  @ApiOperation({ summary: '证明材料列表 List progress evidence' })
  @ApiOkResponse({ description: '{ projectId, month, items }' })
  listEvidence(
    @CurrentUser() user: Principal,
    @ZodParam('id', projectIdParam) id: string,
    @ZodParam('month', monthParam) month: string,
  ) {
    return this.evidence.list(user, id, month);
  }

  @Get(':id/progress/:month/evidence/:evidenceId')
  @ApiOperation({ summary: '下载证明材料 Download progress evidence', description: '响应头 Repr-Digest 带 SHA-256。' })
  @ApiOkResponse({ description: '文件内容。The file.' })
  async downloadEvidence(
    @CurrentUser() user: Principal,
    @ZodParam('id', projectIdParam) id: string,
    @ZodParam('month', monthParam) month: string,
    @ZodParam('evidenceId', z.uuid()) evidenceId: string,
    @Res({ passthrough: true }) res: Response,
  ): Promise<StreamableFile> {
    const file = await this.evidence.download(user, id, month, evidenceId);
    res.setHeader('Repr-Digest', `sha-256=:${Buffer.from(file.sha256, 'hex').toString('base64')}:`);
    res.setHeader('X-Content-SHA256', file.sha256);
    res.setHeader('Cache-Control', 'private, no-cache');
    return new StreamableFile(file.content, {
      type: file.contentType,
      length: file.sizeBytes,
      disposition: attachmentDisposition(file.fileName),
    });
  }
}
