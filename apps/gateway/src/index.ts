export { GatewayModule } from './gateway.module';
export { createGatewayApp, startGateway, DOCS_PATH } from './gateway-app';
export { loadGatewayConfig, type GatewayConfig } from './infrastructure/config/gateway.config';
