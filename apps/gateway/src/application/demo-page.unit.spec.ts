import { DemoCredentials, gatewayUrlOf, renderDemoPage } from './demo-page';

describe('demo page', () => {
  const credentials = {
    domain: 'demo.threadline.local',
    applicationId: '123456',
    applicationSecret: 'sEcReT_-1',
  };

  it('fills every placeholder, as often as it appears, and leaves unknown ones', () => {
    const template =
      "<script src=\"{{gatewayUrl}}/widget.js\"></script><script>HelpCrunch('init', '{{organizationDomain}}', { applicationId: {{applicationId}}, applicationSecret: '{{applicationSecret}}' }); // {{applicationId}} {{other}}</script>";
    expect(renderDemoPage(template, credentials, 'http://127.0.0.1:3000')).toBe(
      "<script src=\"http://127.0.0.1:3000/widget.js\"></script><script>HelpCrunch('init', 'demo.threadline.local', { applicationId: 123456, applicationSecret: 'sEcReT_-1' }); // 123456 {{other}}</script>",
    );
  });

  it('refuses credentials and hosts that could break out of the page', () => {
    expect(
      DemoCredentials.safeParse({ ...credentials, applicationSecret: "x';alert(1)//" }).success,
    ).toBe(false);
    expect(DemoCredentials.safeParse({ ...credentials, domain: '<script>' }).success).toBe(false);
    expect(gatewayUrlOf('http', 'evil.example"><script>')).toBeUndefined();
    expect(gatewayUrlOf('http', undefined)).toBeUndefined();
    expect(gatewayUrlOf('https', 'gw.example:8443')).toBe('https://gw.example:8443');
    expect(gatewayUrlOf('http', '[::1]:3000')).toBe('http://[::1]:3000');
  });
});
