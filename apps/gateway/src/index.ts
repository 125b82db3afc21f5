export { GatewayModule } from './gateway.module';
export { loadGatewayConfig, type GatewayConfig } from './infrastructure/config/gateway.config';
