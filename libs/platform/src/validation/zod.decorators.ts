import { applyDecorators, Body, Param, Query } from '@nestjs/common';
import { ApiBody, ApiOkResponse, ApiParam, ApiQuery, type SchemaObject } from '@nestjs/swagger';
import { z } from 'zod';
import { ZodValidationPipe } from './zod-validation.pipe';
import { zodToOpenApi } from './zod-openapi.util';

/** `@ZodBody(createProjectSchema) body: CreateProject` — validated, typed request body. */
export const ZodBody = (schema: z.ZodType): ParameterDecorator => Body(new ZodValidationPipe(schema));

/** `@ZodQuery(listQuerySchema) query: ListQuery` — the whole query object, validated and coerced. */
export const ZodQuery = (schema: z.ZodType): ParameterDecorator => Query(new ZodValidationPipe(schema));

/**
 * `@ZodParam('id', z.uuid()) id: string`. Validated as a one-property object so that a problem
 * names the parameter (`errors[0].field === 'id'`).
 */
export function ZodParam(name: string, schema: z.ZodType): ParameterDecorator {
  const pipe = new ZodValidationPipe(z.object({ [name]: schema }));
  return Param(name, { transform: (value: unknown) => (pipe.transform({ [name]: value }) as Record<string, unknown>)[name] });
}

/** Documents a request body with the zod schema: `@ApiZodBody(createProjectSchema)`. */
export function ApiZodBody(schema: z.ZodType, description?: string): MethodDecorator {
  return ApiBody({ schema: zodToOpenApi(schema, 'input'), description, required: true });
}

/** Documents each property of a zod object schema as a query parameter. */
export function ApiZodQuery(schema: z.ZodType): MethodDecorator {
  const json = zodToOpenApi(schema, 'input');
  const required = new Set(json.required ?? []);
  const decorators = Object.entries(json.properties ?? {}).map(([name, property]) =>
    ApiQuery({ name, required: required.has(name), schema: property as SchemaObject }),
  );
  return applyDecorators(...decorators);
}

/** Documents a path parameter with a zod schema. */
export function ApiZodParam(name: string, schema: z.ZodType): MethodDecorator {
  return ApiParam({ name, required: true, schema: zodToOpenApi(schema, 'input') });
}

/** Documents a 200 response with a zod schema (output side: after transforms/defaults). */
export function ApiZodOkResponse(schema: z.ZodType, description?: string): MethodDecorator {
  return ApiOkResponse({ schema: zodToOpenApi(schema, 'output'), description });
}
