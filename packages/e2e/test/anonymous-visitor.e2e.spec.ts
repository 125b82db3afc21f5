import { newDevice, screenshot } from '../src/browser.harness';
import { DashboardPage } from '../src/dashboard.page';
import { useSuite } from '../src/e2e-suite';
import { WidgetPage } from '../src/widget.page';

describe('3. an anonymous visitor (S4, S9b)', () => {
  const suite = useSuite();

  it('sees the pre-chat form prefilled from init, and after a first message is in Contacts', async () => {
    const { system, browser } = suite;
    const widget = new WidgetPage((await newDevice(browser)).page);
    const init = await widget.goto(
      system.hostPage('visitor', { name: 'Vera Visitor', email: 'vera@example.com' }),
    );
    expect(init.status()).toBe(200);
    await widget.open();
    await widget.preChatForm.waitFor();
    expect(await widget.page.getByTestId('widget-prechat-name').inputValue()).toBe('Vera Visitor');
    expect(await widget.page.getByTestId('widget-prechat-email').inputValue()).toBe(
      'vera@example.com',
    );
    await screenshot(widget.page, '3-prechat-prefilled');

    await widget.page.getByTestId('widget-prechat-submit').click();
    await widget.composer.waitFor();
    await widget.send('Do you ship to Norway?');

    const dashboard = new DashboardPage((await newDevice(browser)).page, system.gatewayUrl);
    await dashboard.signIn(system.tenant);
    const row = await dashboard.findContact((rows) => rows.filter({ hasText: 'vera@example.com' }));
    expect(await row.getByTestId('contact-name').textContent()).toBe('Vera Visitor');
    await dashboard.openThread(row);
    await dashboard.threadMessage('Do you ship to Norway?').waitFor();
    await screenshot(widget.page, '3-visitor-chat');
    await screenshot(dashboard.page, '3-dashboard-visitor');
  }, 600_000);
});
