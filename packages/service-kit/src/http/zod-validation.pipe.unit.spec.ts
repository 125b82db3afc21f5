import { BadRequestException } from '@nestjs/common';
import { WidgetInitBody } from '@threadline/contracts';
import { z } from 'zod';
import { textIssuesOf } from './text-issues';
import { validationFailed, ZodValidationPipe } from './zod-validation.pipe';

function refusal(pipe: ZodValidationPipe<z.ZodType>, value: unknown) {
  try {
    pipe.transform(value);
  } catch (error) {
    expect(error).toBeInstanceOf(BadRequestException);
    return (error as BadRequestException).getResponse() as { field: string; message: string };
  }
  throw new Error('the pipe accepted the value');
}

describe('ZodValidationPipe', () => {
  const body = new ZodValidationPipe(
    z.strictObject({ name: z.string(), user: z.object({ id: z.string() }) }),
  );

  it('says "is required" only for what is missing, and names the wrong type otherwise', () => {
    expect(refusal(body, { user: { id: 'u' } })).toMatchObject({
      field: 'name',
      message: 'name: is required',
    });
    expect(refusal(body, { name: 5, user: { id: 'u' } })).toMatchObject({
      field: 'name',
      message: expect.stringMatching(/^name: Invalid input: expected string, received number/),
    });
    expect(refusal(body, { name: 'n', user: 'nope' })).toMatchObject({ field: 'user' });
    expect(refusal(body, { name: 'n', user: 'nope' }).message).not.toContain('is required');
  });

  it('refuses NUL and unpaired surrogates in any string or key, naming where', () => {
    expect(refusal(body, { name: 'a\u0000b', user: { id: 'u' } })).toMatchObject({
      field: 'name',
      message: 'name: must not contain NUL characters',
    });
    expect(refusal(body, { name: 'n', user: { id: '\ud800' } })).toMatchObject({
      field: 'user.id',
      message: expect.stringContaining('unpaired surrogate'),
    });
    const widget = new ZodValidationPipe(WidgetInitBody);
    expect(
      refusal(widget, {
        organizationDomain: 'acme.example',
        applicationId: '123456',
        applicationSecret: 's',
        user: { user_id: 'x\udfff', custom_data: { ['k\u0000']: 1 } },
      }).message,
    ).toMatch(/user\.user_id: must be valid Unicode/);
  });

  it('names an unknown key as the field, and a key that is not text at its object', () => {
    expect(refusal(body, { name: 'n', user: { id: 'u' }, extra: 1 })).toMatchObject({
      field: 'extra',
      message: 'extra: Unrecognized key: "extra"',
    });
    expect(refusal(body, { name: 'n', user: { id: 'u', ['k\u0000']: 1 } })).toMatchObject({
      field: 'user',
      message: 'user: a key must not contain NUL characters',
    });
  });

  it('accepts surrogate pairs (emoji) and names params by their name', () => {
    expect(body.transform({ name: '🦆', user: { id: '👩‍💻' } })).toEqual({
      name: '🦆',
      user: { id: '👩‍💻' },
    });
    expect(refusal(new ZodValidationPipe(z.string(), 'applicationId'), 'a\u0000')).toMatchObject({
      field: 'applicationId',
    });
  });
});

describe('validationFailed', () => {
  it('answers the S18 body: first field, every issue, and the whole input when none is named', () => {
    const issues = [
      { field: 'a', message: 'is required' },
      { field: 'b.c', message: 'is too long' },
    ];
    expect(validationFailed(issues).getResponse()).toEqual({
      statusCode: 400,
      error: 'VALIDATION_FAILED',
      message: 'a: is required; b.c: is too long',
      field: 'a',
      issues,
    });
    expect(validationFailed([], 'app').getResponse()).toMatchObject({ field: 'app' });
    expect(validationFailed([]).getResponse()).toMatchObject({ field: '(body)' });
  });
});

describe('textIssuesOf', () => {
  it('walks 100,000 levels of nesting without overflowing the stack', () => {
    let deep: unknown = 'a\u0000';
    for (let i = 0; i < 100_000; i++) deep = i % 2 ? [deep] : { k: deep };
    const [issue] = textIssuesOf(deep);
    expect(issue?.path).toHaveLength(100_000);
    expect(issue?.message).toBe('must not contain NUL characters');
  });

  it('stops at the limit it is given', () => {
    expect(textIssuesOf(Array(50).fill('\u0000'), 3)).toHaveLength(3);
    expect(textIssuesOf({ fine: ['text', 1, null, true] })).toEqual([]);
  });
});
