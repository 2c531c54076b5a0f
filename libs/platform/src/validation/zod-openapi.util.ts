import type { SchemaObject } from '@nestjs/swagger';
import { z } from 'zod';

/**
 * An OpenAPI 3.0 schema object for a zod schema (zod 4's `z.toJSONSchema`). `io: 'input'`
 * (default) documents what clients send, before coercion, defaults and transforms.
 */
export function zodToOpenApi(schema: z.ZodType, io: 'input' | 'output' = 'input'): SchemaObject {
  const json = z.toJSONSchema(schema, { target: 'openapi-3.0', io, unrepresentable: 'any' }) as Record<string, unknown>;
  delete json.$schema;
  return json as SchemaObject;
}
