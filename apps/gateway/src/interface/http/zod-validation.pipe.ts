import { BadRequestException, type PipeTransform } from '@nestjs/common';
import type { z } from 'zod';

function fieldOf(prefix: string | undefined, path: readonly PropertyKey[]): string {
  return [prefix, ...path.map(String)].filter(Boolean).join('.') || '(body)';
}

/**
 * Validates one input (body, query or param) with zod; failure is a 400 whose `field` and
 * `message` name the first offending field, and whose `issues` list them all (S18).
 */
export class ZodValidationPipe<S extends z.ZodType> implements PipeTransform<unknown, z.output<S>> {
  constructor(
    private readonly schema: S,
    /** The name of a param; bodies and queries report paths inside them. */
    private readonly name?: string,
  ) {}

  transform(value: unknown): z.output<S> {
    const result = this.schema.safeParse(value);
    if (result.success) return result.data;
    throw validationFailed(
      result.error.issues.map((issue) => ({
        field: fieldOf(this.name, issue.path),
        message:
          issue.code === 'invalid_type' && issue.input === undefined
            ? 'is required'
            : issue.message,
      })),
      this.name,
    );
  }
}

export function validationFailed(
  issues: { field: string; message: string }[],
  name?: string,
): BadRequestException {
  const first = issues[0] ?? { field: name ?? '(body)', message: 'is invalid' };
  return new BadRequestException({
    statusCode: 400,
    error: 'VALIDATION_FAILED',
    message: issues.map((i) => `${i.field}: ${i.message}`).join('; '),
    field: first.field,
    issues,
  });
}
