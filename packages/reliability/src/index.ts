export {
  auditDelivery,
  type DeliveryAudit,
  type DeviceReceipts,
  type SentMessage,
  type ThreadEntry,
} from './delivery-audit';
export { formatFaultReport, type FaultFigures, type ReplayFigures } from './fault-report';
export { reconnectDelay } from './reconnect-delay';
