import type { Locator, Page, Response } from 'playwright-core';

/** The widget on a host page, through its open shadow root (Playwright's locators pierce it). */
export class WidgetPage {
  constructor(readonly page: Page) {}

  /** Loads the host page and waits for the widget's init call to be answered. */
  async goto(url: string): Promise<Response> {
    const init = this.page.waitForResponse((r) => r.url().endsWith('/api/widget/init'));
    await this.page.goto(url);
    const response = await init;
    if (process.env.E2E_DEBUG && response.status() !== 200)
      console.log(`init ${response.status()}: ${await response.text()}`);
    return response;
  }

  get launcher(): Locator {
    return this.page.getByTestId('widget-launcher');
  }

  get pane(): Locator {
    return this.page.getByTestId('widget-pane');
  }

  get userName(): Locator {
    return this.page.getByTestId('widget-user-name');
  }

  get notice(): Locator {
    return this.page.getByTestId('widget-notice');
  }

  get composer(): Locator {
    return this.page.getByTestId('widget-composer-input');
  }

  get preChatForm(): Locator {
    return this.page.getByTestId('widget-prechat-form');
  }

  messages(): Locator {
    return this.page.getByTestId('widget-message');
  }

  message(text: string): Locator {
    return this.messages().filter({ hasText: text });
  }

  async open(): Promise<void> {
    if (!(await this.pane.isVisible())) await this.launcher.click();
    await this.pane.waitFor();
  }

  /** Types and sends, and waits until the gateway has accepted the message. */
  async send(text: string): Promise<void> {
    await this.composer.fill(text);
    await this.page.getByTestId('widget-send').click();
    await this.message(text).and(this.page.locator('[data-state="sent"]')).waitFor();
  }

  /** Waits for the thread's first page to be on screen. */
  async waitForHistory(texts: string[]): Promise<void> {
    for (const text of texts) await this.message(text).first().waitFor();
  }

  async texts(): Promise<string[]> {
    return this.page.getByTestId('widget-message').locator('.tl-text').allTextContents();
  }

  /** `HelpCrunch(...)` as the host page would call it; resolves when the widget has run it. */
  call(...args: unknown[]): Promise<unknown> {
    return this.page.evaluate(
      (callArgs) =>
        new Promise((resolve) => {
          const helpCrunch = (window as unknown as { HelpCrunch: (...a: unknown[]) => void })
            .HelpCrunch;
          if (callArgs[0] === 'logOut') helpCrunch('logOut', resolve);
          else {
            helpCrunch(...callArgs);
            resolve(undefined);
          }
        }),
      args,
    );
  }
}
