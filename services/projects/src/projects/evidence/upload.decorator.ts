import {
  CallHandler,
  ExecutionContext,
  HttpException,
  HttpStatus,
  Injectable,
  NestInterceptor,
  UseInterceptors,
  applyDecorators,
} from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import { ApiBody, ApiConsumes } from '@nestjs/swagger';
import { Observable, catchError, throwError } from 'rxjs';
import { ProblemException } from '@xiaojian/platform';

/** Multer's errors (oversize, unexpected field, malformed multipart) as problems naming the field. */
@Injectable()
class UploadProblemsInterceptor implements NestInterceptor {
  constructor(
    private readonly field: string,
    private readonly maxBytes: number,
  ) {}

  intercept(_context: ExecutionContext, next: CallHandler): Observable<unknown> {
    return next.handle().pipe(catchError((error: unknown) => throwError(() => this.map(error))));
  }

  private map(error: unknown): unknown {
    if (!(error instanceof HttpException) || error instanceof ProblemException) return error;
    const mib = (this.maxBytes / 1024 / 1024).toFixed(0);
    if (error.getStatus() === HttpStatus.PAYLOAD_TOO_LARGE) {
      return new ProblemException({
        status: 413,
        code: 'file-too-large',
        title: { zh: '文件过大', en: 'File too large' },
        detail: { zh: `上传的文件不能超过 ${mib} MB，请压缩或拆分后重新上传。`, en: `The uploaded file must not exceed ${mib} MiB.` },
        errors: [{ field: this.field, code: 'file-too-large', message: { zh: `文件不能超过 ${mib} MB`, en: `at most ${mib} MiB` } }],
      });
    }
    if (error.getStatus() === HttpStatus.BAD_REQUEST) {
      return new ProblemException({
        status: 400,
        code: 'invalid-upload',
        title: { zh: '上传的内容有误', en: 'Invalid upload' },
        detail: {
          zh: `请以 multipart/form-data 上传，且只上传一个文件，字段名为“${this.field}”。`,
          en: `Send multipart/form-data with exactly one file in the field "${this.field}".`,
        },
        errors: [{ field: this.field, code: 'invalid-upload', message: { zh: `请在字段“${this.field}”中上传一个文件`, en: `send one file in "${this.field}"` } }],
      });
    }
    return error;
  }
}

/** One file in the multipart field `field`, kept in memory, at most `maxBytes`. */
export function SingleFileUpload(field: string, maxBytes: number, description: string): MethodDecorator {
  return applyDecorators(
    UseInterceptors(
      new UploadProblemsInterceptor(field, maxBytes),
      FileInterceptor(field, { limits: { fileSize: maxBytes, files: 1, fields: 10 }, defParamCharset: 'utf8' } as never),
    ),
    ApiConsumes('multipart/form-data'),
    ApiBody({
      required: true,
      description,
      schema: { type: 'object', required: [field], properties: { [field]: { type: 'string', format: 'binary' } } },
    }),
  );
}

export function missingFileProblem(field: string): ProblemException {
  return new ProblemException({
    status: 400,
    code: 'file-required',
    title: { zh: '缺少上传文件', en: 'File required' },
    detail: { zh: `请在字段“${field}”中上传文件。`, en: `Upload a file in the multipart field "${field}".` },
    errors: [{ field, code: 'required', message: { zh: '请上传文件', en: 'a file is required' } }],
  });
}

/** The part of a multer file this service uses. */
export interface UploadedFileLike {
  originalname: string;
  buffer: Buffer;
  size: number;
}
