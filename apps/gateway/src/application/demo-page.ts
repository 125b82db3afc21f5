import { z } from 'zod';

/** `.infra/demo-credentials.json` as `npm start` writes it; only what the page needs is read. */
export const DemoCredentials = z.object({
  domain: z.string().regex(/^[a-z0-9.-]{1,128}$/, 'must be a lower-case domain'),
  applicationId: z.string().regex(/^[A-Za-z0-9_-]{1,128}$/, 'must be an application id'),
  applicationSecret: z.string().regex(/^[A-Za-z0-9_\-.~+/=]{1,256}$/, 'must be a token'),
});
export type DemoCredentials = z.infer<typeof DemoCredentials>;

/** The gateway's own URL as the browser reached it; a host that is not a plain host is refused. */
export function gatewayUrlOf(protocol: string, host: string | undefined): string | undefined {
  if (!host || !/^(?:[A-Za-z0-9.-]+|\[[0-9A-Fa-f:.]+\])(?::\d{1,5})?$/.test(host)) return undefined;
  return `${protocol === 'https' ? 'https' : 'http'}://${host}`;
}

/**
 * Fills the demo template's placeholders. Every value was checked against a strict pattern, so
 * none can break out of the string or attribute it lands in.
 */
export function renderDemoPage(
  template: string,
  credentials: DemoCredentials,
  gatewayUrl: string,
): string {
  const values: Record<string, string> = {
    organizationDomain: credentials.domain,
    applicationId: credentials.applicationId,
    applicationSecret: credentials.applicationSecret,
    gatewayUrl,
  };
  return template.replace(/\{\{(\w+)\}\}/g, (placeholder, name: string) =>
    Object.hasOwn(values, name) ? (values[name] as string) : placeholder,
  );
}
