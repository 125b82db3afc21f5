import { newDevice, screenshot } from '../src/browser.harness';
import { DashboardPage } from '../src/dashboard.page';
import { useSuite } from '../src/e2e-suite';
import { WidgetPage } from '../src/widget.page';

const GENERATED = /^[A-Z][a-z]+ [A-Z][a-z]+ \(anonym\)$/;

describe('4. a user_id with no name (S5)', () => {
  const suite = useSuite();

  it('gets a generated "(anonym)" name and an empty email, the same for the agent', async () => {
    const { system, browser } = suite;
    const widget = new WidgetPage((await newDevice(browser)).page);
    expect((await widget.goto(system.hostPage('nameless', { user_id: 'u-7f3a9c' }))).status()).toBe(
      200,
    );
    await widget.open();
    const generated = (await widget.userName.textContent()) ?? '';
    expect(generated).toMatch(GENERATED);
    expect(await widget.preChatForm.count()).toBe(0);

    const dashboard = new DashboardPage((await newDevice(browser)).page, system.gatewayUrl);
    await dashboard.signIn(system.tenant);
    const row = await dashboard.findContact((rows) =>
      rows.and(dashboard.page.locator('[data-user-id="u-7f3a9c"]')),
    );
    expect(await row.getByTestId('contact-name').textContent()).toBe(generated);
    expect(await row.getByTestId('contact-email').textContent()).toBe('');
    await dashboard.openThread(row);
    expect(await dashboard.page.getByTestId('profile-name').textContent()).toBe(generated);
    expect(await dashboard.page.getByTestId('profile-email').textContent()).toBe('—');
    await screenshot(dashboard.page, '4-dashboard-generated-name');
  }, 600_000);
});
