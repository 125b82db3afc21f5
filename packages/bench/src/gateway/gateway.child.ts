import { loadGatewayConfig, startGateway } from '@threadline/gateway';
import { serveAsChild } from './service-child';

/** The gateway under measurement, alone in its process: its RSS is the gateway's own. */
if (require.main === module) serveAsChild(() => startGateway(loadGatewayConfig(process.env)));
