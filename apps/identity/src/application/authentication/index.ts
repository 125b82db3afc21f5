import { AuthenticateWidgetHandler } from './authenticate-widget.handler';

export { AuthenticateWidgetCommand } from './authenticate-widget.command';
export { AUTHENTICATION_ATTEMPTS } from './authenticate-widget.handler';
export { deviceIdOf } from './device-id';
export * from './ports/authentication.ports';
export * from './ports/failed-guesses.port';
export type * from './widget-authentication';

export const authenticationHandlers = [AuthenticateWidgetHandler];
