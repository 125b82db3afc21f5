import { createServiceApp, listen, runService } from '@threadline/service-kit';
import { ContactModule } from './contact.module';
import { loadContactConfig } from './infrastructure/config/contact.config';

runService('contact', async () => {
  const config = loadContactConfig();
  await listen(await createServiceApp(ContactModule.forRoot(config)), 'contact', config);
});
