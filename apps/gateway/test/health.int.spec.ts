import { ContactModule, loadContactConfig } from '@threadline/contact';
import { ConversationModule, loadConversationConfig } from '@threadline/conversation';
import { IdentityModule, loadIdentityConfig } from '@threadline/identity';
import {
  endpointsFromEnv,
  serviceTestEnv,
  startNestApp,
  type RunningApp,
} from '@threadline/testing';
import { GatewayModule } from '../src/gateway.module';
import { loadGatewayConfig } from '../src/infrastructure/config/gateway.config';

describe('gateway health (the real services behind it, real Kafka)', () => {
  let identity: RunningApp;
  let contact: RunningApp;
  let conversation: RunningApp;
  let gateway: RunningApp;

  beforeAll(async () => {
    [identity, contact, conversation] = await Promise.all([
      startNestApp(IdentityModule.forRoot(loadIdentityConfig(serviceTestEnv('identity')))),
      startNestApp(ContactModule.forRoot(loadContactConfig(serviceTestEnv('contact')))),
      startNestApp(
        ConversationModule.forRoot(loadConversationConfig(serviceTestEnv('conversation'))),
      ),
    ]);
    const config = loadGatewayConfig({
      KAFKA_BROKERS: endpointsFromEnv().kafkaBrokers,
      LOG_LEVEL: 'silent',
      IDENTITY_URL: identity.url,
      CONTACT_URL: contact.url,
      CONVERSATION_URL: conversation.url,
    });
    gateway = await startNestApp(GatewayModule.forRoot(config));
  });

  afterAll(async () => {
    await Promise.all([gateway, identity, contact].map((app) => app?.close()));
  });

  it('is ok when Kafka and every service behind it answer', async () => {
    const response = await fetch(`${gateway.url}/health`);
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({
      status: 'ok',
      info: {
        kafka: { status: 'up' },
        identity: { status: 'up' },
        contact: { status: 'up' },
        conversation: { status: 'up' },
      },
    });
  });

  it('answers 503 naming the service that is down', async () => {
    await conversation.close();
    const response = await fetch(`${gateway.url}/health`);
    expect(response.status).toBe(503);
    const body = (await response.json()) as { status: string; error: object };
    expect(body.status).toBe('error');
    expect(Object.keys(body.error)).toEqual(['conversation']);
  });
});
