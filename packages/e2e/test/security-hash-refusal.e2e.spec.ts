import { newDevice, screenshot } from '../src/browser.harness';
import { useSuite } from '../src/e2e-suite';
import { WidgetPage } from '../src/widget.page';

describe('2. a bound security hash guards the thread (S6)', () => {
  const suite = useSuite();
  const secret = 'My secret order 4471 for Hal';
  const user = {
    user_id: 'hal-9000',
    name: 'Hal Hashford',
    email: 'hal@example.com',
    security_hash: 'hash-of-hal',
  };

  beforeAll(async () => {
    const real = new WidgetPage((await newDevice(suite.browser)).page);
    expect((await real.goto(suite.system.hostPage('real', user))).status()).toBe(200);
    await real.open();
    await real.send(secret);
    await real.page.context().close();
  });

  async function expectCleanChat(widget: WidgetPage): Promise<void> {
    await widget.open();
    await widget.notice.waitFor();
    expect(await widget.messages().count()).toBe(0);
    expect(await widget.composer.count()).toBe(0);
    expect(await widget.page.getByText(secret).count()).toBe(0);
    expect(await widget.page.getByText('Hal Hashford').count()).toBe(0);
    // The host page carries what it passed to init; the widget must show none of the user's data.
    const widgetDom = await widget.page.evaluate(
      () => document.getElementById('threadline-widget')?.shadowRoot?.innerHTML ?? '',
    );
    expect(widgetDom).toContain('data-phase="refused"');
    expect(widgetDom).not.toContain('hal@example.com');
    expect(widgetDom).not.toContain('Hal Hashford');
    expect(await widget.page.content()).not.toContain(secret);
  }

  it('a wrong security_hash gets 403 and a clean chat', async () => {
    const widget = new WidgetPage((await newDevice(suite.browser)).page);
    const errors: string[] = [];
    widget.page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
    const init = await widget.goto(
      suite.system.hostPage('wrong', { ...user, security_hash: 'a guess' }),
    );
    expect(init.status()).toBe(403);
    await expectCleanChat(widget);
    expect(errors.join('\n')).toContain('HTTP 403');
    await screenshot(widget.page, '2-wrong-hash-clean-chat');
  });

  it('a missing security_hash gets 403 and a clean chat', async () => {
    const { security_hash: _omitted, ...withoutHash } = user;
    const widget = new WidgetPage((await newDevice(suite.browser)).page);
    const init = await widget.goto(suite.system.hostPage('missing', withoutHash));
    expect(init.status()).toBe(403);
    await expectCleanChat(widget);
    await screenshot(widget.page, '2-missing-hash-clean-chat');
  });
});
