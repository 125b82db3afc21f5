import { BadRequestException, type PipeTransform } from '@nestjs/common';
import type { z } from 'zod';

const unpairedSurrogate = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** The first string (value or key) the store cannot keep as sent: NUL, or an unpaired surrogate. */
function unstorableText(
  input: unknown,
  path: string[] = [],
): { path: string[]; message: string } | undefined {
  const stack: { value: unknown; path: string[] }[] = [{ value: input, path }];
  while (stack.length > 0) {
    const { value, path: at } = stack.pop() as { value: unknown; path: string[] };
    if (typeof value === 'string') {
      if (value.includes('\u0000')) return { path: at, message: 'must not contain NUL characters' };
      if (unpairedSurrogate.test(value)) return { path: at, message: 'must be valid Unicode' };
    } else if (typeof value === 'object' && value !== null) {
      for (const [key, child] of Object.entries(value)) {
        if (key.includes('\u0000') || unpairedSurrogate.test(key)) {
          return { path: at, message: 'has a key that is not valid text' };
        }
        stack.push({ value: child, path: [...at, key] });
      }
    }
  }
  return undefined;
}

function fieldOf(prefix: string | undefined, path: readonly PropertyKey[]): string {
  return [prefix, ...path.map(String)].filter(Boolean).join('.') || '(body)';
}

/**
 * Validates one input (body, param or query) with zod; a failure is a 400 whose `field` names the
 * first offending field (S18) and whose `issues` list them all.
 */
export class ZodValidationPipe<S extends z.ZodType> implements PipeTransform<unknown, z.output<S>> {
  constructor(
    private readonly schema: S,
    /** The name of a param or query value; bodies report paths inside them. */
    private readonly name?: string,
  ) {}

  transform(value: unknown): z.output<S> {
    const text = unstorableText(value);
    const result = this.schema.safeParse(value);
    if (result.success && !text) return result.data;
    const issues = [
      ...(text ? [{ field: fieldOf(this.name, text.path), message: text.message }] : []),
      ...(result.success ? [] : result.error.issues).map((issue) => ({
        field: fieldOf(this.name, issue.path),
        message: issue.message,
      })),
    ];
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
