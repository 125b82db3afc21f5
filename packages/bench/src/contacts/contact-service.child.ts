import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { ContactModule, loadContactConfig } from '@threadline/contact';

/**
 * The contact service in a process of its own, so the benchmark can read its peak RSS. It tells
 * the parent its URL; on `stop` it shuts down and reports its own peak RSS (KiB).
 */
async function main(): Promise<void> {
  const app = await NestFactory.create(ContactModule.forRoot(loadContactConfig(process.env)), {
    logger: ['error', 'warn'],
  });
  await app.listen(0, '127.0.0.1');
  const url = (await app.getUrl()).replace('[::1]', '127.0.0.1');
  process.on('message', (message) => {
    if (message !== 'stop') return;
    void app.close().then(() => {
      process.send?.({ stopped: true, maxRssKiB: process.resourceUsage().maxRSS }, () =>
        process.exit(0),
      );
    });
  });
  process.send?.({ url });
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
