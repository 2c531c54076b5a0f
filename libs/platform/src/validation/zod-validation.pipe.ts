import { type ArgumentMetadata, Injectable, type PipeTransform } from '@nestjs/common';
import type { SchemaObject } from '@nestjs/swagger';
import type { z } from 'zod';
import { ProblemException } from '../errors/problem.exception';
import type { ProblemFieldError } from '../errors/problem.types';
import { translateZodIssues } from './zod-issue.translator';
import { zodToOpenApi } from './zod-openapi.util';

export function validationProblem(errors: ProblemFieldError[]): ProblemException {
  return new ProblemException({
    status: 400,
    code: 'validation-failed',
    title: { zh: '提交的信息有误', en: 'Validation failed' },
    detail: {
      zh: `共有 ${errors.length} 处填写有误，请按提示修改后重新提交。`,
      en: `${errors.length} field(s) are invalid.`,
    },
    errors,
  });
}

/**
 * Validates and converts a body / query / param with a zod schema; failures become a 400
 * `validation-failed` problem whose `errors[]` name each field (`grades[2].pupils`).
 */
@Injectable()
export class ZodValidationPipe<S extends z.ZodType = z.ZodType> implements PipeTransform<unknown, z.output<S>> {
  constructor(readonly schema: S) {}

  transform(value: unknown, _metadata?: ArgumentMetadata): z.output<S> {
    const result = this.schema.safeParse(value, { reportInput: true });
    if (result.success) return result.data;
    throw validationProblem(translateZodIssues(result.error.issues, value));
  }

  /** The OpenAPI schema of what this pipe accepts. */
  toOpenApi(): SchemaObject {
    return zodToOpenApi(this.schema, 'input');
  }
}
