import { createServiceApp, listen, runService } from '@threadline/service-kit';
import { GatewayModule } from './gateway.module';
import { loadGatewayConfig } from './infrastructure/config/gateway.config';

runService('gateway', async () => {
  const config = loadGatewayConfig();
  await listen(await createServiceApp(GatewayModule.forRoot(config)), 'gateway', config);
});
