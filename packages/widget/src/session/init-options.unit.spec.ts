import { ApiError } from '../shared/api-error';
import { initRefusal, readInitOptions } from './init-options';

describe('readInitOptions', () => {
  it('takes the seed snippet as it is written, numeric applicationId included', () => {
    expect(
      readInitOptions('Acme.Example', {
        applicationId: 123456,
        applicationSecret: 's3cret',
        user: { user_id: '12345', name: 'Ann' },
      }),
    ).toEqual({
      organizationDomain: 'acme.example',
      applicationId: '123456',
      applicationSecret: 's3cret',
      user: { user_id: '12345', name: 'Ann' },
    });
  });

  it('names what is missing', () => {
    expect(() => readInitOptions('', {})).toThrow('organization domain');
    expect(() => readInitOptions('acme', { applicationSecret: 'x' })).toThrow(
      'applicationId is missing',
    );
    expect(() => readInitOptions('acme', { applicationId: 1 })).toThrow(
      'applicationSecret is missing',
    );
    expect(() =>
      readInitOptions('acme', { applicationId: 1, applicationSecret: 'x', user: 'ann' }),
    ).toThrow('user must be an object');
  });
});

describe('initRefusal', () => {
  it('keeps the widget off after a 401 and says what to check', () => {
    const refusal = initRefusal(new ApiError(401, 'unknown application'));
    expect(refusal.cleanChat).toBe(false);
    expect(refusal.consoleMessage).toContain('HTTP 401');
    expect(refusal.consoleMessage).toContain('applicationSecret');
  });

  it('shows a clean chat with a notice after a 403', () => {
    const refusal = initRefusal(new ApiError(403, 'security_hash does not match'));
    expect(refusal).toMatchObject({ status: 403, cleanChat: true });
    expect(refusal.notice).toBeTruthy();
  });

  it('passes a 400 on with the field the gateway named', () => {
    expect(initRefusal(new ApiError(400, 'user.email: Invalid email')).consoleMessage).toBe(
      'init rejected (HTTP 400): user.email: Invalid email',
    );
  });

  it('names an unreachable gateway', () => {
    expect(initRefusal(new TypeError('Failed to fetch')).consoleMessage).toContain(
      'could not reach',
    );
  });
});
