/**
 * The widget talks to the gateway it was loaded from: the origin of its own `<script src>`.
 * `document.currentScript` is set while the script first runs, async or not.
 */
export function gatewayOriginOf(scriptSrc: string | undefined, pageUrl: string): string {
  if (scriptSrc) {
    try {
      return new URL(scriptSrc, pageUrl).origin;
    } catch {
      // fall through to the page's own origin
    }
  }
  return new URL(pageUrl).origin;
}
