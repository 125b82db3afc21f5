import type { INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';

export interface RunningApp {
  app: INestApplication;
  url: string;
  close(): Promise<void>;
}

/** Boots a real service module on a free loopback port, as `main.ts` would, for HTTP tests. */
export async function startNestApp(rootModule: unknown): Promise<RunningApp> {
  const app = await NestFactory.create(rootModule as never, { logger: false });
  app.enableShutdownHooks();
  await app.listen(0, '127.0.0.1');
  const url = await app.getUrl();
  return { app, url: url.replace('[::1]', '127.0.0.1'), close: () => app.close() };
}
