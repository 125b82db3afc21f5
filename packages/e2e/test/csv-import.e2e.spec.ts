import { newDevice, screenshot } from '../src/browser.harness';
import { DashboardPage } from '../src/dashboard.page';
import { useSuite } from '../src/e2e-suite';
import { WidgetPage } from '../src/widget.page';

const CSV = [
  'user_id,email,name,phone,company,plan,seats',
  'imp-1,irma@example.com,Irma Importer,+1 555 0101,Import Co,gold,12',
  'imp-2,ivan@example.com,Ivan Importer,,Import Co,silver,3',
  'imp-3,not-an-email,Bad Row,,,bronze,1',
  '',
].join('\n');

describe('5. CSV import in the dashboard (S10)', () => {
  const suite = useSuite();

  async function importCsv(dashboard: DashboardPage, applicationId: string) {
    await dashboard.page.goto(
      `${suite.system.gatewayUrl}/dashboard/#/apps/${applicationId}/import`,
    );
    await dashboard.page.getByTestId('import-file').setInputFiles({
      name: 'contacts.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(CSV),
    });
    await dashboard.page.getByTestId('import-submit').click();
    const status = dashboard.page.locator('[data-testid="import-status"][data-state="done"]');
    await status.waitFor({ timeout: 60_000 });
    return status;
  }

  it('imports the good rows, reports the bad one by line, and a later init attaches to the import', async () => {
    const { system, browser } = suite;
    const dashboard = new DashboardPage((await newDevice(browser)).page, system.gatewayUrl);
    await dashboard.signIn(system.tenant);

    const status = await importCsv(dashboard, system.tenant.applicationId);
    expect(await status.getByTestId('import-rows-read').textContent()).toBe('3');
    expect(await status.getByTestId('import-rows-imported').textContent()).toBe('2');
    expect(await status.getByTestId('import-error-count').textContent()).toBe('1');
    const rowError = status.locator('[data-testid="import-row-error"][data-line="4"]');
    expect(await rowError.textContent()).toContain('email');
    await screenshot(dashboard.page, '5-import-report');

    await dashboard.openContacts(system.tenant);
    const irma = await dashboard.findContact((rows) =>
      rows.and(dashboard.page.locator('[data-user-id="imp-1"]')),
    );
    expect(await irma.getByTestId('contact-name').textContent()).toBe('Irma Importer');
    await dashboard.findContact((rows) =>
      rows.and(dashboard.page.locator('[data-user-id="imp-2"]')),
    );
    expect(await dashboard.page.locator('[data-user-id="imp-3"]').count()).toBe(0);

    const widget = new WidgetPage((await newDevice(browser)).page);
    expect((await widget.goto(system.hostPage('imported', { user_id: 'imp-1' }))).status()).toBe(
      200,
    );
    await widget.open();
    expect(await widget.userName.textContent()).toBe('Irma Importer');
    await widget.send('Hi, I was imported');

    await dashboard.openThread(irma);
    await dashboard.threadMessage('Hi, I was imported').waitFor();
    expect(await dashboard.page.getByTestId('profile-email').textContent()).toBe(
      'irma@example.com',
    );
    expect(await dashboard.page.getByTestId('profile-company').textContent()).toBe('Import Co');
    const plan = dashboard.page.locator('[data-testid="attribute-row"][data-key="plan"]');
    expect(await plan.getByTestId('attribute-value').textContent()).toBe('gold');
    await screenshot(widget.page, '5-widget-imported-user');
    await screenshot(dashboard.page, '5-dashboard-imported-profile');

    const again = await importCsv(dashboard, system.tenant.applicationId);
    expect(await again.getByTestId('import-rows-imported').textContent()).toBe('0');
    expect(await again.getByTestId('import-rows-unchanged').textContent()).toBe('2');
  }, 600_000);
});
