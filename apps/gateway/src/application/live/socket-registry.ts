/** Who is on the other end of a live socket, as its auth frame proved. */
export type SocketIdentity =
  | {
      role: 'widget';
      applicationId: string;
      contactId: string;
      sessionId: string;
      deviceId: string;
    }
  | { role: 'agent'; organizationDomain: string; agentId: string };

export interface RegisteredSocket {
  readonly id: string;
  readonly identity: SocketIdentity;
}

const widgetKey = (applicationId: string, contactId: string) => `${applicationId}\n${contactId}`;

/**
 * The sockets open on this process, indexed the ways live delivery looks for them: a contact's
 * devices (widget sockets of that application and contact), an organization's agents, and the
 * sockets of a session (closed at logout).
 */
export class SocketRegistry<S extends RegisteredSocket> {
  private readonly byContact = new Map<string, Set<S>>();
  private readonly byOrganization = new Map<string, Set<S>>();
  private readonly bySession = new Map<string, Set<S>>();
  private readonly all = new Set<S>();

  add(socket: S): void {
    this.all.add(socket);
    const { identity } = socket;
    if (identity.role === 'widget') {
      addTo(this.byContact, widgetKey(identity.applicationId, identity.contactId), socket);
      addTo(this.bySession, identity.sessionId, socket);
    } else {
      addTo(this.byOrganization, identity.organizationDomain, socket);
    }
  }

  remove(socket: S): void {
    if (!this.all.delete(socket)) return;
    const { identity } = socket;
    if (identity.role === 'widget') {
      removeFrom(this.byContact, widgetKey(identity.applicationId, identity.contactId), socket);
      removeFrom(this.bySession, identity.sessionId, socket);
    } else {
      removeFrom(this.byOrganization, identity.organizationDomain, socket);
    }
  }

  devicesOf(applicationId: string, contactId: string): S[] {
    return [...(this.byContact.get(widgetKey(applicationId, contactId)) ?? [])];
  }

  agentsOf(organizationDomain: string): S[] {
    return [...(this.byOrganization.get(organizationDomain) ?? [])];
  }

  ofSession(sessionId: string): S[] {
    return [...(this.bySession.get(sessionId) ?? [])];
  }

  hasAgentsOf(organizationDomain: string): boolean {
    return (this.byOrganization.get(organizationDomain)?.size ?? 0) > 0;
  }

  get size(): number {
    return this.all.size;
  }

  sockets(): S[] {
    return [...this.all];
  }
}

function addTo<S>(index: Map<string, Set<S>>, key: string, socket: S): void {
  let set = index.get(key);
  if (!set) index.set(key, (set = new Set()));
  set.add(socket);
}

function removeFrom<S>(index: Map<string, Set<S>>, key: string, socket: S): void {
  const set = index.get(key);
  if (!set) return;
  set.delete(socket);
  if (set.size === 0) index.delete(key);
}
