export * from './store';
export * from './relay';
export * from './aggregate';
export * from './projection';
export * from './upcasting';
export * from './replay';
export { KeyedLanes } from './keyed-lanes';
