export * from './contact.model';
export * from './contact.commands';
export * from './contact.events';
export * from './contact.errors';
export * from './contact.decider';
export * from './custom-attributes';
export * from './merge.rule';
export * from './profile';
