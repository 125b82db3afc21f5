import type { Locator, Page } from 'playwright-core';
import { eventually } from './browser.harness';
import type { Tenant } from './system.harness';

/**
 * How long Contacts may take to list someone: a fresh contact service first reacts to everything
 * already on the shared identity and conversation topics.
 */
const CONTACTS_TIMEOUT_MS = Number(process.env.E2E_CONTACTS_TIMEOUT_MS ?? 240_000);

/** The agent dashboard at `/dashboard/`. */
export class DashboardPage {
  constructor(
    readonly page: Page,
    private readonly gatewayUrl: string,
  ) {}

  async signIn(tenant: Tenant): Promise<void> {
    await this.page.goto(`${this.gatewayUrl}/dashboard/`);
    await this.page.getByTestId('sign-in-domain').fill(tenant.organizationDomain);
    await this.page.getByTestId('sign-in-email').fill(tenant.agent.email);
    await this.page.getByTestId('sign-in-password').fill(tenant.agent.password);
    await this.page.getByTestId('sign-in-submit').click();
    await this.page.getByTestId('contacts-table').waitFor();
  }

  contactRows(): Locator {
    return this.page.getByTestId('contact-row');
  }

  async openContacts(tenant: Tenant): Promise<void> {
    await this.page.goto(`${this.gatewayUrl}/dashboard/#/apps/${tenant.applicationId}/contacts`);
    await this.page.getByTestId('contacts-table').waitFor();
  }

  /** Refreshes Contacts until a row matching `row` is listed (the list is a projection). */
  async findContact(
    row: (rows: Locator) => Locator,
    timeoutMs = CONTACTS_TIMEOUT_MS,
  ): Promise<Locator> {
    return eventually(async () => {
      await this.page.getByTestId('contacts-refresh').click();
      await this.page.locator('[data-testid="contacts-table"][aria-busy="false"]').waitFor();
      const match = row(this.contactRows());
      if ((await match.count()) === 0) throw new Error('not listed yet');
      return match.first();
    }, timeoutMs);
  }

  async search(text: string): Promise<void> {
    await this.page.getByTestId('contacts-search').fill(text);
  }

  async openThread(row: Locator): Promise<void> {
    await row.getByTestId('contact-name').click();
    await this.page.getByTestId('contact-profile').waitFor();
    await this.page.locator('[data-testid="thread-live"][data-status="live"]').waitFor();
  }

  threadMessage(text: string): Locator {
    return this.page.getByTestId('thread-message').filter({ hasText: text });
  }

  async reply(text: string): Promise<void> {
    await this.page.getByTestId('reply-input').fill(text);
    await this.page.getByTestId('reply-send').click();
    await this.threadMessage(text).and(this.page.locator('[data-state="sent"]')).waitFor();
  }
}
