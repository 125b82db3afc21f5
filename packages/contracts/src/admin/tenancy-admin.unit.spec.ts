import { RegisterApplicationBody, SiteOrigin } from './tenancy-admin';

describe('SiteOrigin', () => {
  it('keeps an origin and drops a bare trailing slash', () => {
    expect(SiteOrigin.parse('https://acme.example/')).toBe('https://acme.example');
  });

  it('refuses what is not a URL instead of throwing (found by the bad-input property test)', () => {
    for (const value of ['oTPt6hxM+f', '', 'https://', '://x']) {
      expect(SiteOrigin.safeParse(value).success).toBe(false);
    }
    const result = RegisterApplicationBody.safeParse({
      domain: 'acme.example',
      name: 'Acme',
      allowedOrigins: ['oTPt6hxM+f', null, 'https://acme.example/path'],
    });
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((i) => i.path.join('.'))).toEqual(
      expect.arrayContaining(['allowedOrigins.0', 'allowedOrigins.1', 'allowedOrigins.2']),
    );
  });
});
