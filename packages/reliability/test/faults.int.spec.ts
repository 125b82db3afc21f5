import { auditDelivery, type DeliveryAudit, type ThreadEntry } from '../src/delivery-audit';
import { formatFaultReport } from '../src/fault-report';
import {
  figuresOf,
  injectFault,
  type FaultTarget,
  type FaultWindow,
} from './support/fault-injector';
import { call, readThread, SITE_ORIGIN } from './support/gateway-api';
import { MessageSender, type SendRecord } from './support/message-sender';
import { brokenStreams, unpublishedCommits } from './support/store-check';
import { PrivateStack } from './support/private-stack';
import { replayEveryProjection } from './support/replay-check';
import { createTenant, type Tenant } from './support/tenant';
import { WidgetDevice } from './support/widget-device';

/** Each part of the system killed in turn, with traffic running throughout. */
const faults: FaultTarget[] = [
  'identity',
  'contact',
  'conversation',
  'gateway',
  'kafka',
  'ferretdb',
  'postgres',
];
const users = Number(process.env.FAULTS_USERS ?? 4);
/** Each device sends about once a second, the agent four times: some 12 messages a second. */
const deviceIntervalMs = 1_000;
const agentIntervalMs = 250;
const downForMs = Number(process.env.FAULTS_DOWN_MS ?? 3_000);
const settleMs = 4_000;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('faults: kill -9 each service, the Kafka broker, FerretDB and PostgreSQL under steady traffic', () => {
  let stack: PrivateStack | undefined;
  let passed = false;

  beforeAll(async () => {
    stack = await PrivateStack.start();
  }, 240_000);

  afterAll(async () => {
    if (!stack) return;
    if (!passed) console.error(`fault test failed: logs kept in ${stack.infra.logs}`);
    await stack.stop(!passed || process.env.FAULTS_KEEP_LOGS === '1');
  }, 180_000);

  it('loses no acknowledged message, applies none twice, delivers each to every device once, and replays to the live projections', async () => {
    const system = stack!;
    const gatewayUrl = system.gatewayUrl;
    const tenant = await createTenant(system.services.identity.url, gatewayUrl);

    const devices: WidgetDevice[] = [];
    for (let u = 1; u <= users; u++) {
      for (const kind of ['phone', 'laptop']) {
        const device = new WidgetDevice(`u${u}-${kind}`, gatewayUrl, tenant, `faults-user-${u}`);
        await device.init();
        devices.push(device);
      }
    }
    await Promise.all(devices.map((d) => d.connect()));
    const contacts = [...new Set(devices.map((d) => d.contactId))];
    expect(contacts).toHaveLength(users);

    const senders = [
      ...devices.map(
        (device) =>
          new MessageSender(device.name, deviceIntervalMs, () => ({
            contactId: device.contactId,
            post: (clientMessageId, text) =>
              call(`${gatewayUrl}/api/widget/messages`, {
                body: { clientMessageId, text },
                token: device.sessionToken,
                origin: SITE_ORIGIN,
                timeoutMs: 12_000,
              }),
          })),
      ),
      new MessageSender('agent', agentIntervalMs, () => {
        const contactId = contacts[Math.floor(Math.random() * contacts.length)]!;
        return { contactId, post: agentReply(gatewayUrl, tenant, contactId) };
      }),
    ];
    for (const sender of senders) sender.start();

    const windows: FaultWindow[] = [];
    try {
      await sleep(settleMs);
      for (const target of faults) {
        windows.push(await injectFault(system, target, downForMs));
        await sleep(settleMs);
      }
    } finally {
      await Promise.all(senders.map((s) => s.stop()));
    }
    const sent: SendRecord[] = senders.flatMap((s) => s.messages);

    const view = async () => {
      const threads = new Map<string, ThreadEntry[]>();
      for (const contactId of contacts) {
        const reader = devices.find((d) => d.contactId === contactId)!;
        threads.set(contactId, await readThread(gatewayUrl, reader.sessionToken));
      }
      const receipts = devices.map((d) => ({
        device: d.name,
        contactId: d.contactId,
        messageIds: [...d.received],
      }));
      return {
        audit: auditDelivery(sent, threads, receipts),
        unpublished: await unpublishedCommits(system.infra.mongodbUri),
      };
    };
    // Quiet: every acknowledged message projected and delivered, every outbox empty (or 90 s).
    const quietBy = Date.now() + 90_000;
    let state = await view();
    while (!isQuiet(state.audit, state.unpublished) && Date.now() < quietBy) {
      await sleep(1_000);
      state = await view();
    }
    for (const device of devices) device.stop();

    const broken = await brokenStreams(system.infra.mongodbUri);
    const replays = await replayEveryProjection(system.infra);
    const matched = replays.filter((r) => r.matched).length;
    const figures = windows.map((w) => figuresOf(w, sent));
    const { audit, unpublished } = state;
    console.log(
      [
        formatFaultReport(audit, figures, { checked: replays.length, matched }),
        `  retried sends answered as duplicates ${sent.filter((m) => m.answeredAsDuplicate).length}, ` +
          `device reconnects ${sum(devices.map((d) => d.reconnects))}, ` +
          `resumes failed and asked again ${sum(devices.map((d) => d.resumeFailures))}`,
      ].join('\n'),
    );

    expect({
      lost: audit.lost,
      duplicated: audit.duplicated,
      outOfOrder: audit.outOfOrder,
      unknown: audit.unknown,
      deviceMissing: audit.deviceMissing,
      deviceDuplicated: audit.deviceDuplicated,
      refusedSends: sent.filter((m) => m.refusal).map((m) => `${m.sender}: ${m.refusal}`),
      refusedDevices: devices.flatMap((d) => d.refusals.map((r) => `${d.name}: ${r}`)),
      crashes: system.crashes(),
      unpublished,
      brokenStreams: broken,
      replaysNotMatching: replays.filter((r) => !r.matched).map((r) => r.output),
      // Names every device that missed, doubled or got a message after a newer one.
      problems: audit.problems,
    }).toEqual({
      lost: 0,
      duplicated: 0,
      outOfOrder: 0,
      unknown: 0,
      deviceMissing: 0,
      deviceDuplicated: 0,
      refusedSends: [],
      refusedDevices: [],
      crashes: [],
      unpublished: { identity: 0, contact: 0, conversation: 0 },
      brokenStreams: [],
      replaysNotMatching: [],
      problems: [],
    });
    expect(windows).toHaveLength(faults.length);
    // The traffic really ran through the faults: a test that sent nothing could not fail.
    expect(audit.acknowledged).toBeGreaterThan(faults.length * 20);
    expect(replays.length).toBeGreaterThanOrEqual(9);
    passed = true;
  }, 480_000);
});

function agentReply(gatewayUrl: string, tenant: Tenant, contactId: string) {
  return (clientMessageId: string, text: string) =>
    call(
      `${gatewayUrl}/api/agent/applications/${tenant.applicationId}/contacts/${contactId}/messages`,
      { body: { clientMessageId, text }, token: tenant.agentToken, timeoutMs: 12_000 },
    );
}

function isQuiet(audit: DeliveryAudit, unpublished: Record<string, number>): boolean {
  return (
    audit.lost === 0 &&
    audit.deviceMissing === 0 &&
    Object.values(unpublished).every((count) => count === 0)
  );
}

const sum = (values: number[]) => values.reduce((a, b) => a + b, 0);
