import { newDevice, screenshot } from '../src/browser.harness';
import { DashboardPage } from '../src/dashboard.page';
import { useSuite } from '../src/e2e-suite';
import { WidgetPage } from '../src/widget.page';

describe('1. one user, two devices, one thread (S2, S3, S13, S14)', () => {
  const suite = useSuite();

  it('user 12345 writes from home; the agent replies; the work laptop has it all, live on both', async () => {
    const { system, browser } = suite;
    const user = {
      email: 'ann.lee@example.com',
      name: 'Ann Lee',
      phone: '+1 555 0100',
      company: 'Lee Landscaping',
      user_id: '12345',
    };
    const url = system.hostPage('app', user);

    const home = new WidgetPage((await newDevice(browser)).page);
    expect((await home.goto(url)).status()).toBe(200);
    await home.open();
    expect(await home.userName.textContent()).toBe('Ann Lee');
    expect(await home.preChatForm.count()).toBe(0);
    await home.send('Hello from my home desktop');
    await home.send('My order #4471 has not arrived');

    const dashboard = new DashboardPage((await newDevice(browser)).page, system.gatewayUrl);
    await dashboard.signIn(system.tenant);
    const row = await dashboard.findContact((rows) =>
      rows.and(dashboard.page.locator('[data-user-id="12345"]')),
    );
    expect(await row.getByTestId('contact-name').textContent()).toBe('Ann Lee');
    await dashboard.openThread(row);
    await dashboard.threadMessage('My order #4471 has not arrived').waitFor();

    const work = new WidgetPage((await newDevice(browser)).page);
    expect((await work.goto(url)).status()).toBe(200);
    await work.open();
    await work.waitForHistory(['Hello from my home desktop', 'My order #4471 has not arrived']);

    await dashboard.reply('Hi Ann, it ships today');
    await home.message('Hi Ann, it ships today').waitFor();
    await work.message('Hi Ann, it ships today').waitFor();

    await work.send('Thanks, writing from my work laptop');
    await home.message('Thanks, writing from my work laptop').waitFor();
    await dashboard.threadMessage('Thanks, writing from my work laptop').waitFor();

    const thread = [
      'Hello from my home desktop',
      'My order #4471 has not arrived',
      'Hi Ann, it ships today',
      'Thanks, writing from my work laptop',
    ];
    expect(await home.texts()).toEqual(thread);
    expect(await work.texts()).toEqual(thread);
    await screenshot(home.page, '1-home-desktop');
    await screenshot(work.page, '1-work-laptop');
    await screenshot(dashboard.page, '1-dashboard-thread');
  }, 600_000);
});
