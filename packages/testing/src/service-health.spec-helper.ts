import { endpointsFromEnv } from './infra-mode';
import { startNestApp, type RunningApp } from './nest-app';
import { uniqueName } from './unique-name';

/** The environment a service under test boots with: the harness's real infra and a database of its own. */
export function serviceTestEnv(service: string): NodeJS.ProcessEnv {
  const { kafkaBrokers, mongodbUri } = endpointsFromEnv();
  return {
    KAFKA_BROKERS: kafkaBrokers,
    MONGODB_URI: mongodbUri,
    MONGODB_DATABASE: uniqueName(service).replace(/-/g, '_'),
    PROJECTION_GROUP_PREFIX: uniqueName(`test-${service}`),
    LOG_LEVEL: 'silent',
  };
}

/** Specifies that a service boots against the real infra and reports each dependency on `/health`. */
export function describeServiceHealth(
  service: string,
  buildModule: (env: NodeJS.ProcessEnv) => unknown,
): void {
  describe(`${service} service health (real Kafka and store)`, () => {
    let running: RunningApp;

    beforeAll(async () => {
      running = await startNestApp(buildModule(serviceTestEnv(service)));
    });

    afterAll(() => running?.close());

    it('answers GET /health with kafka and store up', async () => {
      const response = await fetch(`${running.url}/health`);
      expect(response.status).toBe(200);
      expect(await response.json()).toMatchObject({
        status: 'ok',
        info: { kafka: { status: 'up' }, store: { status: 'up' } },
      });
    });
  });
}
