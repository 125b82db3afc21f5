import { endpointsFromEnv } from './infra-mode';
import { startNestApp, type RunningApp } from './nest-app';
import { setTopicNamespace } from '@threadline/contracts';
import { recordRunResource } from './run-resources';
import { uniqueName, uniqueTopicNamespace } from './unique-name';

/**
 * Jest evaluates this module once per test file, so every file's services share one topic
 * namespace and no file reads the events all earlier files left on the broker.
 */
const fileTopicNamespace = uniqueTopicNamespace();

/**
 * The environment a service under test boots with: the harness's real infra, a database and
 * consumer groups of its own, and the test file's topic namespace, which this process adopts too
 * so that `eventsTopic()` in the test names the topics its services use.
 */
export function serviceTestEnv(service: string): NodeJS.ProcessEnv {
  const { kafkaBrokers, mongodbUri } = endpointsFromEnv();
  setTopicNamespace(fileTopicNamespace);
  const database = uniqueName(service).replace(/-/g, '_');
  // The global teardown removes both from a broker and store that outlive the run.
  recordRunResource({ kind: 'topic-namespace', name: fileTopicNamespace });
  recordRunResource({ kind: 'database', name: database });
  return {
    TOPIC_NAMESPACE: fileTopicNamespace,
    KAFKA_BROKERS: kafkaBrokers,
    MONGODB_URI: mongodbUri,
    MONGODB_DATABASE: database,
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
