import { newDevice, screenshot } from '../src/browser.harness';
import { useSuite } from '../src/e2e-suite';
import { WidgetPage } from '../src/widget.page';

describe('/demo: the seed snippet with the demo application, and a user switcher', () => {
  const suite = useSuite();

  it('chats as demo user 12345, then switches to an anonymous visitor', async () => {
    const { system, browser } = suite;
    const widget = new WidgetPage((await newDevice(browser)).page);
    expect((await widget.goto(`${system.gatewayUrl}/demo?user=12345`)).status()).toBe(200);
    expect(await widget.page.getByTestId('demo-init-call').textContent()).toContain(
      `HelpCrunch('init', '${system.tenant.organizationDomain}'`,
    );
    await widget.open();
    expect(await widget.userName.textContent()).toBe('Ann Lee');
    await widget.send('Hello from the demo page');
    await screenshot(widget.page, 'demo-widget-open');

    const logout = widget.page.waitForResponse((r) => r.url().endsWith('/api/widget/logout'));
    await widget.page.getByTestId('demo-switcher').getByText('Anonymous visitor').click();
    expect((await logout).status()).toBe(204);
    await widget.page.waitForURL(/user=anon/);
    await widget.open();
    await widget.preChatForm.waitFor();
    expect(await widget.page.getByTestId('widget-prechat-name').inputValue()).toBe(
      'Curious Visitor',
    );
    expect(await widget.page.getByText('Hello from the demo page').count()).toBe(0);
    await screenshot(widget.page, 'demo-anonymous-visitor');
  });
});
