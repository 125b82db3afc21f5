/**
 * The device token (S4): one anonymous identity per browser and application until logout.
 * Storage can be blocked (private modes, sandboxed frames); then every page load is a new visitor.
 */
export class DeviceTokenStore {
  constructor(private readonly storage: () => Storage | undefined = () => window.localStorage) {}

  get(organizationDomain: string, applicationId: string): string | undefined {
    try {
      return this.storage()?.getItem(this.key(organizationDomain, applicationId)) ?? undefined;
    } catch {
      return undefined;
    }
  }

  set(organizationDomain: string, applicationId: string, token: string): void {
    try {
      this.storage()?.setItem(this.key(organizationDomain, applicationId), token);
    } catch {
      // not kept: see above
    }
  }

  forget(organizationDomain: string, applicationId: string): void {
    try {
      this.storage()?.removeItem(this.key(organizationDomain, applicationId));
    } catch {
      // nothing kept, nothing to forget
    }
  }

  private key(organizationDomain: string, applicationId: string): string {
    return `threadline:device:${organizationDomain}:${applicationId}`;
  }
}
