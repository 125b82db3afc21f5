import type { SchemaObject } from '@nestjs/swagger/dist/interfaces/open-api-spec.interface';
import { z } from 'zod';

/**
 * The OpenAPI schema of a zod schema, so `/docs` shows exactly what validation accepts (`input`)
 * or what an answer holds (`output`), and cannot drift from it.
 */
export function schemaOf(schema: z.ZodType, io: 'input' | 'output' = 'input'): SchemaObject {
  const json = z.toJSONSchema(schema, { target: 'openapi-3.0', io, unrepresentable: 'any' });
  const { $schema: _ignored, ...rest } = json as Record<string, unknown>;
  return rest as SchemaObject;
}

/** The `{ statusCode, error, message }` every error answers with. */
export const ErrorBody = z.object({
  statusCode: z.number().int(),
  error: z.string().describe('A stable code, e.g. VALIDATION_FAILED'),
  message: z.string().describe('Names the field or the reason'),
  field: z.string().optional(),
});
