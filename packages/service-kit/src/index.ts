import 'reflect-metadata';

export * from './config/service-config';
export * from './service-options';
export { ServiceKitModule } from './service-kit.module';
export { KAFKA_CLIENT } from './kafka/kafka.provider';
export { createServiceApp, listen, runService } from './bootstrap';
export { redactedPaths } from './logging/logger-options';
export { EventBackboneModule, EVENT_BACKBONE } from './eventing/event-backbone.module';
export { HttpErrorFilter } from './http/http-error.filter';
export { JsonBodyGuard, ReadsOwnBody } from './http/json-body.guard';
export { bodyRefusalOf, type BodyRefusal } from './http/body-refusal';
export { answerMalformedRequests } from './http/client-error';
export { jsonBodyParserOptions, JSON_BODY_LIMIT_BYTES } from './http/json-body';
export { ZodValidationPipe, validationFailed, type FieldIssue } from './http/zod-validation.pipe';
export { textIssuesOf, type TextIssue } from './http/text-issues';
export { correlationIdOf } from './http/correlation-id';
