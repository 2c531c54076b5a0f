import { Param } from '@nestjs/common';
import { z } from 'zod';
import { ZodValidationPipe } from '@xiaojian/platform';

/**
 * `@ZodParam` reports a bad path parameter with an empty field name; validating it as a
 * one-property object makes the problem name the parameter (`errors[0].field === 'id'`).
 */
export function NamedParam(name: string, schema: z.ZodType): ParameterDecorator {
  const pipe = new ZodValidationPipe(z.object({ [name]: schema }));
  return Param(name, { transform: (value: unknown) => (pipe.transform({ [name]: value }) as Record<string, unknown>)[name] });
}
