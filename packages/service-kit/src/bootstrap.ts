import type { INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { Logger } from 'nestjs-pino';
import pino from 'pino';
import type { BaseServiceConfig } from './config/service-config';
import { answerMalformedRequests } from './http/client-error';
import { jsonBodyParserOptions } from './http/json-body';
import type { ServiceName } from './service-options';

/**
 * Creates the Nest application with JSON logging, graceful shutdown on SIGTERM/SIGINT, a bounded
 * UTF-8-only JSON body parser, and JSON answers to requests Node's HTTP parser refuses (S18).
 */
export async function createServiceApp(rootModule: unknown): Promise<INestApplication> {
  const app = await NestFactory.create<NestExpressApplication>(rootModule as never, {
    bufferLogs: true,
  });
  app.useLogger(app.get(Logger));
  // Replaces Nest's default JSON parser; Nest's typing leaves out `verify`, which Express supports.
  app.useBodyParser('json', jsonBodyParserOptions() as Record<string, unknown>);
  answerMalformedRequests(app.getHttpServer());
  app.enableShutdownHooks();
  return app;
}

export async function listen(
  app: INestApplication,
  service: ServiceName,
  config: BaseServiceConfig,
): Promise<string> {
  await app.listen(config.PORT, config.HOST);
  const url = `http://${config.HOST === '0.0.0.0' ? '127.0.0.1' : config.HOST}:${config.PORT}`;
  app.get(Logger).log({ url }, `${service} listening`);
  return url;
}

/** Runs a service's main; a failure to boot is one JSON log line and exit code 1, not a stack dump. */
export function runService(service: ServiceName, main: () => Promise<unknown>): void {
  main().catch((error: unknown) => {
    pino({ base: { service } }).fatal({ err: error }, `${service} failed to start`);
    process.exit(1);
  });
}
