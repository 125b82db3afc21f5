import { readFileSync } from 'node:fs';
import { join } from 'node:path';

// The gateway fills these placeholders (apps/gateway, `/demo`) with the demo application's values.
const template = readFileSync(join(__dirname, '..', 'demo', 'index.html'), 'utf8');

describe('the /demo host page template', () => {
  it('has exactly the placeholders the gateway fills', () => {
    const placeholders = new Set([...template.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]));
    expect([...placeholders].sort()).toEqual([
      'applicationId',
      'applicationSecret',
      'gatewayUrl',
      'organizationDomain',
    ]);
  });

  it('pastes the loader stub, then loads the widget async from the gateway', () => {
    expect(template.replace(/\s+/g, ' ')).toContain(
      'window.HelpCrunch = function () { (HelpCrunch.q = HelpCrunch.q || []).push(arguments); };',
    );
    expect(template).toContain('<script async src="{{gatewayUrl}}/widget.js"></script>');
  });

  it("calls init in the seed snippet's own form, after the loader", () => {
    const init = template.indexOf("HelpCrunch('init', '{{organizationDomain}}', {");
    expect(init).toBeGreaterThan(template.indexOf('/widget.js'));
    expect(template.slice(init)).toMatch(
      /^HelpCrunch\('init', '\{\{organizationDomain\}\}', \{\s+applicationId: \{\{applicationId\}\},\s+applicationSecret: '\{\{applicationSecret\}\}',\s+user: \{\s+email: .+,\s+name: .+,\s+phone: .+,\s+company: .+,\s+user_id: .+,\s+\}\s+\}\);/,
    );
  });

  it('offers demo users and an anonymous visitor, logging out before a switch', () => {
    for (const user of ['12345', '67890', 'nameless', 'anon'])
      expect(template).toContain(`href="?user=${user}" data-user="${user}"`);
    expect(template).toContain(
      "HelpCrunch('logOut', function () { location.assign(link.href); });",
    );
  });
});
