import { correlationIdOf } from '@threadline/service-kit';
import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import type { ApplicationView } from '@threadline/contracts';
import type { AgentPrincipal } from '../../application/auth/agent-sessions.service';
import type { WidgetPrincipal } from '../../application/auth/widget-sessions.service';

/** What the guards attach to a request once they verified it. */
export interface GatewayRequest {
  headers: Record<string, string | string[] | undefined>;
  method: string;
  ip?: string;
  params: Record<string, string>;
  get(name: string): string | undefined;
  widget?: WidgetPrincipal;
  agent?: AgentPrincipal;
  application?: ApplicationView;
}

/** The verified widget session of the request (set by `WidgetSessionGuard`). */
export const Widget = createParamDecorator(
  (_: unknown, ctx: ExecutionContext): WidgetPrincipal | undefined =>
    ctx.switchToHttp().getRequest<GatewayRequest>().widget,
);

/** The verified agent of the request (set by `AgentSessionGuard`). */
export const Agent = createParamDecorator(
  (_: unknown, ctx: ExecutionContext): AgentPrincipal | undefined =>
    ctx.switchToHttp().getRequest<GatewayRequest>().agent,
);

/** The caller's `x-correlation-id` when it is a sane token, else a fresh one. */
export const CorrelationId = createParamDecorator((_: unknown, ctx: ExecutionContext): string => {
  return correlationIdOf(
    ctx.switchToHttp().getRequest<GatewayRequest>().headers['x-correlation-id'],
  );
});

/** The browser's address as express sees it (`GATEWAY_TRUST_PROXY` decides which hop). */
export const ClientAddress = createParamDecorator(
  (_: unknown, ctx: ExecutionContext): string | undefined => {
    const ip = ctx.switchToHttp().getRequest<GatewayRequest>().ip;
    return ip?.replace(/^::ffff:(?=\d+\.\d+\.\d+\.\d+$)/, '');
  },
);
