import type { INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { answerMalformedRequests } from '@threadline/service-kit';
import { Logger } from 'nestjs-pino';
import { GatewayModule } from './gateway.module';
import type { GatewayConfig } from './infrastructure/config/gateway.config';

/** Where the OpenAPI document and its viewer are served. */
export const DOCS_PATH = 'docs';

/**
 * The gateway as `main.ts` runs it and tests boot it: the module, with Nest's default body parser
 * off (the module parses JSON within `GATEWAY_JSON_LIMIT_BYTES` and streams CSV imports), and the
 * OpenAPI document at `/docs` built from the controllers and their zod schemas.
 */
export async function createGatewayApp(
  config: GatewayConfig,
  options: { logger?: false } = {},
): Promise<INestApplication> {
  const app = await NestFactory.create(GatewayModule.forRoot(config), {
    bodyParser: false,
    ...(options.logger === false ? { logger: false } : { bufferLogs: true }),
  });
  if (options.logger !== false) app.useLogger(app.get(Logger));
  // Requests Node's HTTP parser refuses get a JSON 4xx naming the problem, not an empty 400.
  answerMalformedRequests(app.getHttpServer());
  app.enableShutdownHooks();
  const document = () =>
    SwaggerModule.createDocument(
      app,
      new DocumentBuilder()
        .setTitle('Threadline gateway')
        .setDescription(
          'The public API: the widget (device session token) and the agent dashboard (agent token), ' +
            'both as `Authorization: Bearer <token>`. Live messages: WebSocket `/ws` (first frame ' +
            '`{ "type": "auth", "token" }`, then `resume`/`ping`; see the README).',
        )
        .setVersion('1')
        .addBearerAuth()
        .build(),
    );
  SwaggerModule.setup(DOCS_PATH, app, document, { jsonDocumentUrl: `${DOCS_PATH}/openapi.json` });
  return app;
}

/** Boots the gateway on a port (0: any free one) and answers its URL; for tests and benchmarks. */
export async function startGateway(
  config: GatewayConfig,
): Promise<{ app: INestApplication; url: string; close(): Promise<void> }> {
  const app = await createGatewayApp(config, { logger: false });
  await app.listen(config.PORT, config.HOST);
  const url = (await app.getUrl()).replace('[::1]', '127.0.0.1');
  return { app, url, close: () => app.close() };
}
