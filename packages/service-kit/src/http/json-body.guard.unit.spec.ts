import { type ExecutionContext, UnsupportedMediaTypeException } from '@nestjs/common';
import { JsonBodyGuard, ReadsOwnBody } from './json-body.guard';

function plainRoute() {}
class Imports {
  @ReadsOwnBody()
  upload() {}
}

const contextOf = (headers: Record<string, string>, handler: () => void = plainRoute) =>
  ({
    getType: () => 'http',
    getHandler: () => handler,
    switchToHttp: () => ({ getRequest: () => ({ headers }) }),
  }) as unknown as ExecutionContext;

describe('JsonBodyGuard', () => {
  const guard = new JsonBodyGuard();

  it('lets JSON bodies and requests without a body through', () => {
    expect(
      guard.canActivate(contextOf({ 'content-type': 'application/json', 'content-length': '2' })),
    ).toBe(true);
    expect(
      guard.canActivate(
        contextOf({
          'content-type': 'Application/JSON; charset=utf-8',
          'transfer-encoding': 'chunked',
        }),
      ),
    ).toBe(true);
    expect(guard.canActivate(contextOf({}))).toBe(true);
    expect(
      guard.canActivate(contextOf({ 'content-type': 'text/plain', 'content-length': '0' })),
    ).toBe(true);
  });

  it('refuses a body of any other type, or of none, with a 415 naming content-type', () => {
    for (const type of [
      'text/plain',
      'application/x-www-form-urlencoded',
      'application/jsonx',
      '',
    ]) {
      const attempt = () =>
        guard.canActivate(contextOf({ 'content-type': type, 'content-length': '5' }));
      expect(attempt).toThrow(UnsupportedMediaTypeException);
      try {
        attempt();
      } catch (error) {
        expect((error as UnsupportedMediaTypeException).getResponse()).toEqual({
          statusCode: 415,
          error: 'UNSUPPORTED_MEDIA_TYPE',
          message: 'content-type: must be application/json',
          field: 'content-type',
        });
      }
    }
  });

  it('given a route that reads its own body, when a CSV comes, then the guard leaves it to the route', () => {
    expect(
      guard.canActivate(
        contextOf({ 'content-type': 'text/csv', 'content-length': '10' }, Imports.prototype.upload),
      ),
    ).toBe(true);
  });
});
