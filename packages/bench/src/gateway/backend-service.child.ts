import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { ContactModule, loadContactConfig } from '@threadline/contact';
import { ConversationModule, loadConversationConfig } from '@threadline/conversation';
import { IdentityModule, loadIdentityConfig } from '@threadline/identity';
import { serveAsChild } from './service-child';

function rootModule(service: string | undefined): unknown {
  switch (service) {
    case 'identity':
      return IdentityModule.forRoot(loadIdentityConfig(process.env));
    case 'contact':
      return ContactModule.forRoot(loadContactConfig(process.env));
    case 'conversation':
      return ConversationModule.forRoot(loadConversationConfig(process.env));
    default:
      throw new Error(`BENCH_SERVICE must be identity, contact or conversation, got ${service}`);
  }
}

/** One backend service alone in its process, as `npm start` runs it. */
if (require.main === module) {
  serveAsChild(async () => {
    const app = await NestFactory.create(rootModule(process.env.BENCH_SERVICE) as never, {
      logger: false,
    });
    await app.listen(0, '127.0.0.1');
    return {
      url: (await app.getUrl()).replace('[::1]', '127.0.0.1'),
      close: () => app.close(),
    };
  });
}
