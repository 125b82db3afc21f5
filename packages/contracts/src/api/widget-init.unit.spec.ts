import { describeIssues } from '../event-registry';
import { WidgetInitBody } from './widget-init';

const valid = {
  organizationDomain: 'demo.threadline.local',
  applicationId: 'app-demo',
  applicationSecret: 's3cret',
};

function problems(body: unknown): string {
  const result = WidgetInitBody.safeParse(body);
  return result.success ? '' : describeIssues(result.error, '');
}

describe('WidgetInitBody', () => {
  it('given the HelpCrunch snippet with a numeric applicationId, when parsed, then it is a string', () => {
    const result = WidgetInitBody.parse({
      organizationDomain: 'Demo.Threadline.Local',
      applicationId: 12345,
      applicationSecret: 's3cret',
      user: {
        user_id: 12345,
        email: 'ann@example.com',
        name: ' Ann ',
        phone: '+100',
        company: 'Acme',
      },
    });

    expect(result).toEqual({
      organizationDomain: 'demo.threadline.local',
      applicationId: '12345',
      applicationSecret: 's3cret',
      user: {
        user_id: '12345',
        email: 'ann@example.com',
        name: 'Ann',
        phone: '+100',
        company: 'Acme',
      },
    });
  });

  it('given blank or null user fields, when parsed, then they are absent (anonymous, S4)', () => {
    const result = WidgetInitBody.parse({
      ...valid,
      user: { user_id: '', email: null, name: 'Ann', security_hash: '' },
      deviceToken: null,
    });

    expect(result.user).toEqual({ name: 'Ann' });
    expect(result.deviceToken).toBeUndefined();
  });

  it('given a user_id of 255 characters of any kind, when parsed, then it is kept as is (S2)', () => {
    const userId = '🙂é ' + 'x'.repeat(252);
    expect(WidgetInitBody.parse({ ...valid, user: { user_id: userId } }).user?.user_id).toBe(
      userId,
    );
  });

  it.each([
    [{ ...valid, user: { user_id: 'x'.repeat(256) } }, 'user.user_id'],
    [{ ...valid, user: { email: 'not-an-email' } }, 'user.email'],
    [{ ...valid, user: { name: 'n'.repeat(256) } }, 'user.name'],
    [{ ...valid, user: { phone: 'p'.repeat(65) } }, 'user.phone'],
    [{ ...valid, user: { company: 'c'.repeat(256) } }, 'user.company'],
    [{ ...valid, user: { security_hash: 'h'.repeat(1025) } }, 'user.security_hash'],
    [{ ...valid, user: { user_hash: 'a'.repeat(129) } }, 'user.user_hash'],
    [{ ...valid, user: { user_jwt: 'j'.repeat(8193) } }, 'user.user_jwt'],
    [{ ...valid, user: { nickname: 'x' } }, 'user'],
    [{ ...valid, user: 'ann' }, 'user'],
    [{ ...valid, organizationDomain: 'not a domain' }, 'organizationDomain'],
    [{ ...valid, applicationId: '' }, 'applicationId'],
    [{ ...valid, applicationId: -1 }, 'applicationId'],
    [{ ...valid, applicationSecret: '' }, 'applicationSecret'],
    [{ ...valid, deviceToken: 'short' }, 'deviceToken'],
    [{ ...valid, extra: true }, ''],
  ])('given a bad body, when parsed, then the error names %#: %s', (body, field) => {
    const reported = problems(body);
    expect(reported).not.toBe('');
    expect(reported.split('; ').some((p) => p.startsWith(field ? `${field}:` : ': '))).toBe(true);
  });

  it('given a security_hash of exactly 1024 characters, when parsed, then it is accepted (S6)', () => {
    expect(problems({ ...valid, user: { user_id: 'u1', security_hash: 'h'.repeat(1024) } })).toBe(
      '',
    );
  });

  it('given no user at all, when parsed, then it is an anonymous init', () => {
    expect(WidgetInitBody.parse({ ...valid, deviceToken: 'device-token-1' })).toEqual({
      ...valid,
      deviceToken: 'device-token-1',
    });
  });

  it('given custom_data, when parsed, then its values are bounded', () => {
    expect(problems({ ...valid, user: { custom_data: { plan: 'pro', seats: 3 } } })).toBe('');
    expect(problems({ ...valid, user: { custom_data: { plan: { nested: true } } } })).toMatch(
      /^user\.custom_data\.plan: /,
    );
  });
});
