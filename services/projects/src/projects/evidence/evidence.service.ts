import { createHash, randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { ProblemException, type Principal } from '@xiaojian/platform';
import { actorOf } from '../actor';
import { Clock } from '../clock';
import { ProgressReportEntity } from '../progress-report.entity';
import { ProjectsService } from '../projects.service';
import { EVIDENCE_TYPES, EvidenceKind, MAX_EVIDENCE_BYTES, checkUploadedFile } from './file-type';
import { ProgressEvidenceEntity } from './progress-evidence.entity';
import { UploadedFileLike } from './upload.decorator';

export const EVIDENCE_KINDS: readonly EvidenceKind[] = ['jpeg', 'png', 'pdf', 'docx', 'xlsx'];

export function toEvidenceView(e: ProgressEvidenceEntity) {
  return {
    id: e.id,
    projectId: e.projectId,
    month: e.month,
    fileName: e.fileName,
    contentType: e.contentType,
    sizeBytes: e.sizeBytes,
    sha256: e.sha256,
    uploadedBy: { userId: e.uploadedById, name: e.uploadedByName },
    uploadedAt: e.uploadedAt.toISOString(),
  };
}

/** Cleans a client-supplied file name: no path, no control characters, bounded length. */
export function safeFileName(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? '';
  // eslint-disable-next-line no-control-regex
  const clean = base.replace(/[\u0000-\u001f\u007f"]/g, '').trim();
  return (clean || 'file').slice(-200);
}

/** Photos and documents backing a month's progress; bytes stored in PostgreSQL with their SHA-256. */
@Injectable()
export class EvidenceService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly projects: ProjectsService,
    private readonly clock: Clock,
  ) {}

  async upload(principal: Principal, projectId: string, month: string, file: UploadedFileLike) {
    const fileName = safeFileName(file.originalname);
    const check = checkUploadedFile({ name: fileName, bytes: file.buffer }, EVIDENCE_KINDS, MAX_EVIDENCE_BYTES);
    if (!check.ok) {
      const p = check.problem;
      throw new ProblemException({
        status: p.code === 'file-too-large' ? 413 : p.code === 'empty-file' ? 400 : 415,
        code: p.code,
        title: { zh: '证明材料文件不符合要求', en: 'Evidence file rejected' },
        detail: { zh: p.zh, en: p.en },
        errors: [{ field: 'file', code: p.code, message: { zh: p.zh, en: p.en } }],
      });
    }
    const actor = actorOf(principal);
    return this.dataSource.transaction(async (manager) => {
      const project = await this.projects.lockForWrite(manager, principal, projectId, undefined, false);
      const reported = await manager.exists(ProgressReportEntity, { where: { projectId: project.id, month } });
      if (!reported) {
        throw new ProblemException({
          status: 422,
          code: 'progress-not-reported',
          title: { zh: '该月尚未填报进度', en: 'No progress report for this month' },
          detail: { zh: `${month} 尚未填报形象进度，请先填报进度再上传证明材料。`, en: `Report progress for ${month} before uploading evidence.` },
          errors: [{ field: 'month', code: 'progress-not-reported', message: { zh: `${month} 尚未填报进度`, en: `no report for ${month}` } }],
        });
      }
      const row = Object.assign(new ProgressEvidenceEntity(), {
        id: randomUUID(),
        projectId: project.id,
        month,
        fileName,
        contentType: EVIDENCE_TYPES[check.kind].contentType,
        sizeBytes: file.buffer.length,
        sha256: createHash('sha256').update(file.buffer).digest('hex'),
        content: file.buffer,
        uploadedById: actor.userId,
        uploadedByName: actor.name,
        uploadedAt: this.clock.now(),
      } satisfies ProgressEvidenceEntity);
      await manager.insert(ProgressEvidenceEntity, row);
      return toEvidenceView(row);
    });
  }

  async list(principal: Principal, projectId: string, month: string) {
    const project = await this.projects.get(principal, projectId);
    const rows = await this.dataSource.manager.find(ProgressEvidenceEntity, {
      where: { projectId: project.id, month },
      order: { uploadedAt: 'ASC', id: 'ASC' },
    });
    return { projectId: project.id, month, items: rows.map(toEvidenceView) };
  }

  async download(principal: Principal, projectId: string, month: string, evidenceId: string): Promise<ProgressEvidenceEntity & { content: Buffer }> {
    const project = await this.projects.get(principal, projectId);
    const row = await this.dataSource.manager
      .createQueryBuilder(ProgressEvidenceEntity, 'e')
      .addSelect('e.content')
      .where('e.id = :evidenceId AND e.projectId = :projectId AND e.month = :month', { evidenceId, projectId: project.id, month })
      .getOne();
    if (!row || !row.content) throw ProblemException.notFound({ zh: '证明材料', en: 'Evidence' }, evidenceId);
    return row as ProgressEvidenceEntity & { content: Buffer };
  }
}
