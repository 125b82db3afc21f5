import type { Request } from 'playwright-core';
import { newDevice, screenshot } from '../src/browser.harness';
import { useSuite } from '../src/e2e-suite';
import { WidgetPage } from '../src/widget.page';

describe('6. logout (S8)', () => {
  const suite = useSuite();

  it('after logOut, an init without user_id is a new visitor who sees none of the old history', async () => {
    const { system, browser } = suite;
    const { page } = await newDevice(browser);
    const widget = new WidgetPage(page);
    const user = { user_id: 'liam-42', name: 'Liam Leaving', email: 'liam@example.com' };
    expect((await widget.goto(system.hostPage('signed-in', user))).status()).toBe(200);
    await widget.open();
    await widget.send('A private note before I log out');

    const logout = page.waitForResponse((r) => r.url().endsWith('/api/widget/logout'));
    expect(await widget.call('logOut')).toEqual({ success: true });
    expect((await logout).status()).toBe(204);
    await widget.launcher.waitFor({ state: 'detached' });

    // The site's next page, without a signed-in user, as a single-page app would do it.
    const initRequest = page.waitForRequest((r: Request) => r.url().endsWith('/api/widget/init'));
    const initResponse = page.waitForResponse((r) => r.url().endsWith('/api/widget/init'));
    await widget.call('init', system.tenant.organizationDomain, {
      applicationId: Number(system.tenant.applicationId),
      applicationSecret: system.tenant.applicationSecret,
    });
    expect((await initRequest).postDataJSON().deviceToken).toBeUndefined();
    const session = await (await initResponse).json();
    expect(session.mode).toBe('visitor');

    await widget.open();
    await widget.preChatForm.waitFor();
    expect(await widget.messages().count()).toBe(0);
    expect(await page.getByText('A private note before I log out').count()).toBe(0);
    expect(await page.getByText('Liam Leaving').count()).toBe(0);

    // And on a fresh page load of the same browser, still nothing of Liam's.
    expect((await widget.goto(system.hostPage('signed-out'))).status()).toBe(200);
    await widget.open();
    expect(await widget.messages().count()).toBe(0);
    expect(await page.getByText('A private note before I log out').count()).toBe(0);
    await screenshot(page, '6-after-logout');
  });
});
