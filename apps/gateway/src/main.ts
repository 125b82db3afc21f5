import { listen, runService } from '@threadline/service-kit';
import { createGatewayApp } from './gateway-app';
import { loadGatewayConfig } from './infrastructure/config/gateway.config';

runService('gateway', async () => {
  const config = loadGatewayConfig();
  await listen(await createGatewayApp(config), 'gateway', config);
});
