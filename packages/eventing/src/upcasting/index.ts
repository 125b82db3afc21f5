export { defineUpcaster, upcaster, type AnyEventContract, type Upcaster } from './upcaster';
export { createUpcasterRegistry, type UpcasterRegistry } from './upcaster-registry';
export {
  createEventDecoder,
  type EventDecodeResult,
  type EventDecoder,
  type EventDecoderOptions,
} from './event-decoder';
export { platformEventDecoder, platformUpcasters } from './platform-decoder';
