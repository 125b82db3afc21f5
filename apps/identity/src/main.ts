import { createServiceApp, listen, runService } from '@threadline/service-kit';
import { IdentityModule } from './identity.module';
import { loadIdentityConfig } from './infrastructure/config/identity.config';

runService('identity', async () => {
  const config = loadIdentityConfig();
  await listen(await createServiceApp(IdentityModule.forRoot(config)), 'identity', config);
});
