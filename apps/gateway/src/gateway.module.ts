import {
  type DynamicModule,
  Inject,
  type MiddlewareConsumer,
  Module,
  type NestModule,
  type OnModuleInit,
  RequestMethod,
} from '@nestjs/common';
import { APP_FILTER, APP_GUARD, HttpAdapterHost } from '@nestjs/core';
import { ThrottlerGuard, ThrottlerModule } from '@nestjs/throttler';
import { jsonBodyParserOptions, ServiceKitModule } from '@threadline/service-kit';
import compression from 'compression';
import express from 'express';
import { AgentSessions } from './application/auth/agent-sessions.service';
import { WidgetSessions } from './application/auth/widget-sessions.service';
import { GATEWAY_SETTINGS, type GatewaySettings } from './application/gateway-settings';
import { LiveHub } from './application/live/live-hub.service';
import { MessageSending } from './application/live/message-sending.service';
import { ApplicationDirectory } from './application/tenancy/application-directory.service';
import { WidgetInit } from './application/widget/widget-init.service';
import { GATEWAY_CONFIG } from './infrastructure/config/gateway-config.token';
import type { GatewayConfig } from './infrastructure/config/gateway.config';
import { ConversationLiveConsumer } from './infrastructure/kafka/conversation-live.consumer';
import { upstreamProviders } from './infrastructure/upstream/upstream.providers';
import { AgentImportsController } from './interface/http/agent/agent-imports.controller';
import { AgentController } from './interface/http/agent/agent.controller';
import { AgentSessionGuard } from './interface/http/auth/agent-session.guard';
import { WidgetSessionGuard } from './interface/http/auth/widget-session.guard';
import { GatewayExceptionFilter } from './interface/http/gateway-exception.filter';
import { throttlerOptions } from './interface/http/rate-limit/throttler.options';
import { StaticAssetsController } from './interface/http/static/static-assets.controller';
import { WidgetCorsMiddleware } from './interface/http/widget-cors.middleware';
import { WidgetOrigins } from './interface/http/widget-origins.service';
import { WidgetController } from './interface/http/widget/widget.controller';
import { LiveSocketServer } from './interface/ws/live-socket.server';

/**
 * The public edge: the widget and agent HTTP API, `/ws` live delivery, the widget script, the
 * dashboard and `/demo`. It keeps no data; identity, contact and conversation hold it all.
 */
@Module({})
export class GatewayModule implements NestModule, OnModuleInit {
  constructor(
    private readonly adapterHost: HttpAdapterHost,
    @Inject(GATEWAY_CONFIG) private readonly config: GatewayConfig,
  ) {}

  static forRoot(config: GatewayConfig): DynamicModule {
    const settings: GatewaySettings = {
      tokenCacheMs: config.GATEWAY_TOKEN_CACHE_MS,
      applicationCacheMs: config.GATEWAY_APPLICATION_CACHE_MS,
    };
    return {
      module: GatewayModule,
      imports: [
        ServiceKitModule.forRoot({
          service: 'gateway',
          config,
          store: false,
          upstreams: [
            { name: 'identity', url: config.IDENTITY_URL },
            { name: 'contact', url: config.CONTACT_URL },
            { name: 'conversation', url: config.CONVERSATION_URL },
          ],
        }),
        ThrottlerModule.forRoot(throttlerOptions(config)),
      ],
      controllers: [
        WidgetController,
        AgentController,
        AgentImportsController,
        StaticAssetsController,
      ],
      providers: [
        { provide: GATEWAY_CONFIG, useValue: config },
        { provide: GATEWAY_SETTINGS, useValue: settings },
        ...upstreamProviders(config),
        ApplicationDirectory,
        WidgetSessions,
        AgentSessions,
        WidgetOrigins,
        WidgetInit,
        WidgetSessionGuard,
        AgentSessionGuard,
        LiveHub,
        MessageSending,
        ConversationLiveConsumer,
        LiveSocketServer,
        { provide: APP_GUARD, useClass: ThrottlerGuard },
        { provide: APP_FILTER, useClass: GatewayExceptionFilter },
      ],
    };
  }

  onModuleInit(): void {
    const app = this.adapterHost.httpAdapter.getInstance<express.Express>();
    app.set('trust proxy', this.config.GATEWAY_TRUST_PROXY);
    app.disable('x-powered-by');
  }

  configure(consumer: MiddlewareConsumer): void {
    consumer
      .apply(
        compression(),
        express.json({
          limit: this.config.GATEWAY_JSON_LIMIT_BYTES,
          type: 'application/json',
          // Invalid UTF-8 is refused, not decoded with U+FFFD into text another input also makes.
          verify: jsonBodyParserOptions().verify,
        }),
      )
      .forRoutes({ path: '*path', method: RequestMethod.ALL });
    consumer
      .apply(WidgetCorsMiddleware)
      .forRoutes({ path: 'api/widget/*path', method: RequestMethod.ALL });
  }
}
