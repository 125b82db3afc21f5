import { BadRequestException, type PipeTransform } from '@nestjs/common';
import type { z } from 'zod';
import { textIssuesOf } from './text-issues';

/** One offending field of a refused input, and what is wrong with it. */
export interface FieldIssue {
  field: string;
  message: string;
}

function fieldOf(prefix: string | undefined, path: readonly PropertyKey[]): string {
  return [prefix, ...path.map(String)].filter(Boolean).join('.') || '(body)';
}

/** Whether the input has a value at `path`; zod 4 issues no longer carry the input they saw. */
function isPresent(input: unknown, path: readonly PropertyKey[]): boolean {
  let at: unknown = input;
  for (const key of path) {
    if (typeof at !== 'object' || at === null) return false;
    at = (at as Record<PropertyKey, unknown>)[key];
  }
  return at !== undefined;
}

/**
 * The 400 every service answers to an input it refuses (S18): `field` and `message` name the
 * first offending field, and `issues` list them all.
 */
export function validationFailed(issues: FieldIssue[], name?: string): BadRequestException {
  const first = issues[0] ?? { field: name ?? '(body)', message: 'is invalid' };
  return new BadRequestException({
    statusCode: 400,
    error: 'VALIDATION_FAILED',
    message: issues.map((i) => `${i.field}: ${i.message}`).join('; '),
    field: first.field,
    issues,
  });
}

/**
 * Validates one input (body, param or query) with zod; failure is `validationFailed`. Strings
 * the store cannot keep as sent (NUL, unpaired surrogates) are refused in any field, and an
 * unknown key is named as the field.
 */
export class ZodValidationPipe<S extends z.ZodType> implements PipeTransform<unknown, z.output<S>> {
  constructor(
    private readonly schema: S,
    /** The name of a param or query value; bodies and query objects report paths inside them. */
    private readonly name?: string,
  ) {}

  transform(value: unknown): z.output<S> {
    const result = this.schema.safeParse(value);
    const textIssues = textIssuesOf(value);
    if (result.success && textIssues.length === 0) return result.data;
    throw validationFailed(
      [
        ...textIssues.map((issue) => ({
          field: fieldOf(this.name, issue.path),
          message: issue.message,
        })),
        ...(result.success ? [] : result.error.issues).map((issue) => ({
          field:
            issue.code === 'unrecognized_keys'
              ? fieldOf(this.name, [...issue.path, issue.keys[0] ?? ''])
              : fieldOf(this.name, issue.path),
          message:
            issue.code === 'invalid_type' && !isPresent(value, issue.path)
              ? 'is required'
              : issue.message,
        })),
      ],
      this.name,
    );
  }
}
