import { BadRequestException, type PipeTransform } from '@nestjs/common';
import type { z } from 'zod';

function fieldOf(prefix: string | undefined, path: readonly PropertyKey[]): string {
  return [prefix, ...path.map(String)].filter(Boolean).join('.') || '(body)';
}

/**
 * Validates one input (body, param or query) with zod; failure is a 400 whose `field` and
 * `message` name the first offending field, and whose `issues` list them all (S18).
 */
export class ZodValidationPipe<S extends z.ZodType> implements PipeTransform<unknown, z.output<S>> {
  constructor(
    private readonly schema: S,
    /** The name of a param; bodies and query objects report paths inside them. */
    private readonly name?: string,
  ) {}

  transform(value: unknown): z.output<S> {
    const result = this.schema.safeParse(value);
    if (result.success) return result.data;
    const issues = result.error.issues.map((issue) => ({
      field:
        issue.code === 'unrecognized_keys'
          ? fieldOf(this.name, [...issue.path, issue.keys[0] ?? ''])
          : fieldOf(this.name, issue.path),
      message:
        issue.code === 'invalid_type' && issue.input === undefined ? 'is required' : issue.message,
    }));
    const first = issues[0] ?? { field: this.name ?? '(body)', message: 'is invalid' };
    throw new BadRequestException({
      statusCode: 400,
      error: 'VALIDATION_FAILED',
      message: issues.map((i) => `${i.field}: ${i.message}`).join('; '),
      field: first.field,
      issues,
    });
  }
}
