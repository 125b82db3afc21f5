import { contactIdOf } from '@threadline/contracts';
import { call, Services, SHOP_ORIGIN, waitFor, type Tenant } from './support/stack';
import { LiveClient } from './support/live-client';

describe('live delivery over /ws with two gateway processes (real Kafka and services)', () => {
  const services = new Services();
  let gw1: Awaited<ReturnType<Services['gateway']>>;
  let gw2: Awaited<ReturnType<Services['gateway']>>;
  let acme: Tenant;
  let other: Tenant;
  const clients: LiveClient[] = [];
  const client = (url: string, headers?: Record<string, string>) => {
    const c = new LiveClient(url, headers);
    clients.push(c);
    return c;
  };

  beforeAll(async () => {
    await services.start();
    [acme, other] = await Promise.all([services.tenant('live'), services.tenant('stranger')]);
    await services.conversationCaughtUp(acme.applicationId);
    const limits = { GATEWAY_WS_AUTH_TIMEOUT_MS: '1000', GATEWAY_WS_MAX_FRAME_BYTES: '1024' };
    [gw1, gw2] = await Promise.all([services.gateway(limits), services.gateway(limits)]);
  }, 300_000);

  afterAll(async () => {
    for (const c of clients) c.close();
    await Promise.all([gw1?.close(), gw2?.close()]);
    await services.stop();
  });

  const initDevice = async (gatewayUrl: string, deviceToken: string, userId: string) => {
    const answer = await call(`${gatewayUrl}/api/widget/init`, {
      body: {
        organizationDomain: acme.domain,
        applicationId: acme.applicationId,
        applicationSecret: acme.applicationSecret,
        deviceToken,
        user: { user_id: userId },
      },
      headers: { origin: SHOP_ORIGIN },
    });
    expect(answer.status).toBe(200);
    return answer.body.sessionToken as string;
  };
  const signIn = async (tenant: Tenant) =>
    (
      await call(`${gw1.url}/api/agent/sign-in`, {
        body: {
          organizationDomain: tenant.domain,
          email: tenant.agent.email,
          password: tenant.agent.password,
        },
      })
    ).body as { agentToken: string };
  const agentSend = (token: string, contactId: string, n: string) =>
    call(`${gw1.url}/api/agent/applications/${acme.applicationId}/contacts/${contactId}/messages`, {
      token,
      body: { clientMessageId: `agent-${n}-${Date.now()}`, text: `agent says ${n}` },
    }).then((answer) => {
      expect(answer.status).toBe(201);
      return answer.body.message;
    });

  it("S13: one user's two devices on two gateways both get an agent's reply; the agent gets the user's; a reconnect resumes without gaps or repeats", async () => {
    const userId = `live-${Date.now()}`;
    const contactId = contactIdOf(acme.applicationId, { kind: 'user', userId });
    const [phoneToken, laptopToken] = await Promise.all([
      initDevice(gw1.url, 'device-phone-0001', userId),
      initDevice(gw2.url, 'device-laptop-001', userId),
    ]);
    const { agentToken } = await signIn(acme);

    const phone = client(gw1.url, { origin: SHOP_ORIGIN });
    const laptop = client(gw2.url, { origin: SHOP_ORIGIN });
    const agent = client(gw2.url);
    await Promise.all([phone.auth(phoneToken), laptop.auth(laptopToken), agent.auth(agentToken)]);
    expect(phone.frames[0]).toEqual({ type: 'ready', role: 'widget' });
    expect(agent.frames[0]).toEqual({ type: 'ready', role: 'agent' });
    // As the widget does: resume right after ready (live frames wait for it).
    await Promise.all([phone.send({ type: 'resume' }), laptop.send({ type: 'resume' })]);

    const reply = await agentSend(agentToken, contactId, 'hello');
    const [onPhone, onLaptop] = await Promise.all([
      phone.next((f) => f.type === 'message'),
      laptop.next((f) => f.type === 'message'),
    ]);
    const expected = {
      type: 'message',
      applicationId: acme.applicationId,
      contactId,
      message: reply,
    };
    expect(onPhone).toEqual(expected);
    expect(onLaptop).toEqual(expected);

    const written = await call(`${gw2.url}/api/widget/messages`, {
      token: laptopToken,
      body: { clientMessageId: `laptop-${Date.now()}`, text: 'from the laptop' },
    });
    expect(written.status).toBe(201);
    const own = written.body.message;
    await agent.next((f) => f.type === 'message' && f.message.messageId === own.messageId);
    await phone.next((f) => f.type === 'message' && f.message.messageId === own.messageId);
    await laptop.next((f) => f.type === 'message' && f.message.messageId === own.messageId);
    // What the sockets got is what the API pages show (ids, cursors, times).
    const page = await waitFor(async () => {
      const answer = await call(`${gw1.url}/api/widget/messages`, { token: phoneToken });
      return answer.body.messages?.length === 2 ? answer.body.messages : undefined;
    }, 'both messages in the page');
    expect(phone.messages()).toEqual(page);

    // The laptop goes away; three replies come meanwhile; it reconnects to the other gateway.
    const lastSeen = laptop.messages().at(-1).cursor as string;
    laptop.close();
    const missed = [];
    for (const n of ['one', 'two', 'three']) missed.push(await agentSend(agentToken, contactId, n));
    const back = client(gw1.url, { origin: SHOP_ORIGIN });
    await back.send({ type: 'auth', token: laptopToken });
    await back.send({ type: 'resume', after: lastSeen });
    // A live message right behind the resume lands while the catch-up runs.
    const racing = await agentSend(agentToken, contactId, 'four');
    await back.next((f) => f.type === 'message' && f.message.messageId === racing.messageId);
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    expect(back.messages().map((m) => m.text)).toEqual([
      'agent says one',
      'agent says two',
      'agent says three',
      'agent says four',
    ]);
    expect(back.messages()).toEqual([...missed, racing]);
    expect(back.frames.filter((f) => f.type === 'error')).toEqual([]);
  });

  it('a live message that comes between ready and the first resume arrives after the older messages the resume sends', async () => {
    const userId = `hold-${Date.now()}`;
    const contactId = contactIdOf(acme.applicationId, { kind: 'user', userId });
    const token = await initDevice(gw1.url, 'device-hold-0001', userId);
    const { agentToken } = await signIn(acme);
    const first = await agentSend(agentToken, contactId, 'first');
    const second = await agentSend(agentToken, contactId, 'second');
    const device = client(gw2.url, { origin: SHOP_ORIGIN });
    await device.auth(token);
    // Live on gw2 before the device asks to catch up after `first`.
    const third = await agentSend(agentToken, contactId, 'third');
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(device.messages()).toEqual([]);
    await device.send({ type: 'resume', after: first.cursor });
    await device.next((f) => f.type === 'message' && f.message.messageId === third.messageId);
    expect(device.messages()).toEqual([second, third]);
  });

  it('S13: a message accepted through a gateway reaches the devices on it before the 201, and with replies racing through the other gateway every device keeps the thread order', async () => {
    const userId = `fast-${Date.now()}`;
    const contactId = contactIdOf(acme.applicationId, { kind: 'user', userId });
    const [phoneToken, tabletToken] = await Promise.all([
      initDevice(gw1.url, 'device-phone-fast1', userId),
      initDevice(gw1.url, 'device-tablet-fst1', userId),
    ]);
    const { agentToken } = await signIn(acme);
    const phone = client(gw1.url, { origin: SHOP_ORIGIN });
    const tablet = client(gw1.url, { origin: SHOP_ORIGIN });
    const watcher = client(gw2.url, { origin: SHOP_ORIGIN });
    await Promise.all([
      phone.auth(phoneToken),
      tablet.auth(tabletToken),
      watcher.auth(tabletToken),
    ]);
    await Promise.all([phone, tablet, watcher].map((c) => c.send({ type: 'resume' })));
    await new Promise((resolve) => setTimeout(resolve, 500));
    const deviceSend = (n: number) =>
      call(`${gw1.url}/api/widget/messages`, {
        token: phoneToken,
        body: { clientMessageId: `phone-${n}-${Date.now()}`, text: `phone says ${n}` },
      });

    // The thread's first commit: nothing can come before it, so gw1 delivers it on accept.
    const first = await deviceSend(0);
    expect(first.status).toBe(201);
    expect(first.body.position).toBeUndefined();
    expect(tablet.messages()).toEqual([first.body.message]);

    const sent = [first.body.message];
    await Promise.all([
      (async () => {
        for (let n = 1; n <= 8; n++) sent.push((await deviceSend(n)).body.message);
      })(),
      (async () => {
        for (let n = 1; n <= 8; n++) sent.push(await agentSend(agentToken, contactId, `r${n}`));
      })(),
    ]);
    const inOrder = [...sent].sort((a, b) => (a.cursor < b.cursor ? -1 : 1));
    for (const device of [phone, tablet, watcher]) {
      await waitFor(
        async () => (device.messages().length >= sent.length ? true : undefined),
        'every message on every device',
      );
      await new Promise((resolve) => setTimeout(resolve, 300));
      expect(device.messages()).toEqual(inOrder);
    }
  });

  it('an agent resumes a thread of its organization; another organization gets not found (S17)', async () => {
    const userId = `resume-${Date.now()}`;
    const contactId = contactIdOf(acme.applicationId, { kind: 'user', userId });
    await initDevice(gw1.url, 'device-resume-01', userId);
    const { agentToken } = await signIn(acme);
    const first = await agentSend(agentToken, contactId, 'first');
    const second = await agentSend(agentToken, contactId, 'second');
    await waitFor(async () => {
      const answer = await call(
        `${gw1.url}/api/agent/applications/${acme.applicationId}/contacts/${contactId}/messages`,
        { token: agentToken },
      );
      return answer.body.messages?.length === 2 ? true : undefined;
    }, 'the thread page');

    const agent = client(gw2.url);
    await agent.auth(agentToken);
    await agent.send({
      type: 'resume',
      after: first.cursor,
      applicationId: acme.applicationId,
      contactId,
    });
    await agent.next((f) => f.type === 'message' && f.message.messageId === second.messageId);
    expect(agent.messages()).toEqual([second]);

    const stranger = client(gw2.url);
    await stranger.auth((await signIn(other)).agentToken);
    await stranger.send({ type: 'resume', applicationId: acme.applicationId, contactId });
    expect(await stranger.next((f) => f.type === 'error')).toMatchObject({ code: 'NOT_FOUND' });
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(stranger.messages()).toEqual([]);
  });

  it('frames: bad ones get an error and the socket stays; oversized closes 1009; no auth in time, a forged token, a refused origin and logout close it', async () => {
    const userId = `frames-${Date.now()}`;
    const token = await initDevice(gw1.url, 'device-frames-01', userId);

    const early = client(gw1.url);
    await early.send({ type: 'resume' });
    expect(await early.next((f) => f.type === 'error')).toMatchObject({ code: 'AUTH_REQUIRED' });
    expect(await early.waitClosed()).toMatchObject({ code: 4408 });

    const socket = client(gw1.url, { origin: SHOP_ORIGIN });
    await socket.auth(token);
    await socket.send('{"type":"subscribe"}');
    expect(await socket.next((f) => f.type === 'error')).toEqual({
      type: 'error',
      code: 'BAD_FRAME',
      message: 'type: must be one of auth, resume, ping',
    });
    await socket.send('not json');
    await socket.send({ type: 'resume', after: 'x'.repeat(300) });
    await socket.send({ type: 'ping' });
    await socket.next((f) => f.type === 'pong');
    expect(socket.frames.filter((f) => f.type === 'error').map((f) => f.message)).toEqual([
      'type: must be one of auth, resume, ping',
      'the frame is not JSON',
      expect.stringMatching(/^after: /),
    ]);
    await socket.send({ type: 'auth', token: 'x'.repeat(1_100) });
    expect(await socket.waitClosed()).toMatchObject({ code: 1009 });

    const forged = client(gw2.url);
    await forged.send({ type: 'auth', token: `${token.slice(0, -4)}AAAA` });
    expect(await forged.next((f) => f.type === 'error')).toMatchObject({ code: 'UNAUTHORIZED' });
    expect(await forged.waitClosed()).toMatchObject({ code: 4401 });

    const evil = client(gw2.url, { origin: 'https://evil.example' });
    await evil.send({ type: 'auth', token });
    expect(await evil.next((f) => f.type === 'error')).toMatchObject({
      code: 'ORIGIN_NOT_ALLOWED',
    });
    expect(await evil.waitClosed()).toMatchObject({ code: 4403 });

    const leaving = client(gw1.url, { origin: SHOP_ORIGIN });
    await leaving.auth(token);
    expect((await call(`${gw1.url}/api/widget/logout`, { token, method: 'POST' })).status).toBe(
      204,
    );
    expect(await leaving.waitClosed()).toMatchObject({ code: 4401 });
  });
});
