import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A business's own site on an origin of its own: it pastes the loader and the seed's init
 * snippet, so the widget is embedded cross-origin exactly as in production.
 */
export class HostSite {
  private constructor(
    private readonly server: Server,
    private readonly pages: Map<string, string>,
    readonly origin: string,
  ) {}

  static async start(): Promise<HostSite> {
    const pages = new Map<string, string>();
    const server = createServer((request, response) => {
      const html = pages.get((request.url ?? '/').split('?')[0] ?? '/');
      response.writeHead(html ? 200 : 404, { 'content-type': 'text/html; charset=utf-8' });
      response.end(html ?? 'not found');
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    return new HostSite(
      server,
      pages,
      `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    );
  }

  /** Serves `html` at `/<name>` and answers its URL. */
  page(name: string, html: string): string {
    this.pages.set(`/${name}`, html);
    return `${this.origin}/${name}`;
  }

  close(): Promise<void> {
    return new Promise((resolve) => this.server.close(() => resolve()));
  }
}

export interface InitSnippetValues {
  gatewayUrl: string;
  organizationDomain: string;
  applicationId: string;
  applicationSecret: string;
  /** The `user` object as the business fills it in; absent: no user at all. */
  user?: Record<string, string>;
}

/** A JS string literal that cannot end the surrounding `<script>`. */
function literal(value: string): string {
  return JSON.stringify(value).replace(/</g, '\\u003c');
}

/** The loader, then `HelpCrunch('init', …)` in the seed's own form with the given values. */
export function hostPageHtml(values: InitSnippetValues, title = 'A business site'): string {
  const user = values.user
    ? `,\n    user: {\n${Object.entries(values.user)
        .map(([key, value]) => `      ${key}: ${literal(value)},`)
        .join('\n')}\n    }`
    : '';
  return `<!doctype html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <title>${title.replace(/[<&]/g, '')}</title>
  <style>body { font: 16px Georgia, serif; margin: 40px; } button { background: hotpink; }</style>
  <script>
    window.HelpCrunch = function () { (HelpCrunch.q = HelpCrunch.q || []).push(arguments); };
  </script>
  <script async src="${values.gatewayUrl}/widget.js"></script>
</head>
<body>
  <h1>${title.replace(/[<&]/g, '')}</h1>
  <script>
    HelpCrunch('init', ${literal(values.organizationDomain)}, {
      applicationId: ${literal(values.applicationId)},
      applicationSecret: ${literal(values.applicationSecret)}${user}
    });
  </script>
</body>
</html>
`;
}
