import { SocketRegistry, type RegisteredSocket } from './socket-registry';

const widget = (id: string, applicationId: string, contactId: string, sessionId = `s-${id}`) => ({
  id,
  identity: { role: 'widget' as const, applicationId, contactId, sessionId, deviceId: `d-${id}` },
});
const agent = (id: string, organizationDomain: string) => ({
  id,
  identity: { role: 'agent' as const, organizationDomain, agentId: `a-${id}` },
});

describe('socket registry: frame routing', () => {
  it("routes a contact's messages to its devices only, and an organization's to its agents only", () => {
    const registry = new SocketRegistry<RegisteredSocket>();
    const phone = widget('phone', 'app1', 'usr_1');
    const laptop = widget('laptop', 'app1', 'usr_1');
    const sameIdOtherApp = widget('x', 'app2', 'usr_1');
    const stranger = widget('y', 'app1', 'usr_2');
    const ann = agent('ann', 'acme.example');
    const eve = agent('eve', 'evil.example');
    for (const s of [phone, laptop, sameIdOtherApp, stranger, ann, eve]) registry.add(s);

    expect(
      registry
        .devicesOf('app1', 'usr_1')
        .map((s) => s.id)
        .sort(),
    ).toEqual(['laptop', 'phone']);
    expect(registry.agentsOf('acme.example').map((s) => s.id)).toEqual(['ann']);
    expect(registry.ofSession('s-phone').map((s) => s.id)).toEqual(['phone']);
    expect(registry.size).toBe(6);

    registry.remove(phone);
    registry.remove(phone);
    registry.remove(ann);
    expect(registry.devicesOf('app1', 'usr_1').map((s) => s.id)).toEqual(['laptop']);
    expect(registry.agentsOf('acme.example')).toEqual([]);
    expect(registry.hasAgentsOf('acme.example')).toBe(false);
    expect(registry.ofSession('s-phone')).toEqual([]);
    expect(registry.size).toBe(4);
  });
});
