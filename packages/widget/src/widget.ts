import { WidgetApiClient } from './api/widget-api.client';
import { DeviceTokenStore } from './device/device-token.store';
import { createDispatcher } from './loader/command-dispatcher';
import { gatewayOriginOf } from './loader/gateway-origin';
import { installDispatcher } from './loader/helpcrunch-queue';
import { WidgetEvents } from './loader/widget-events';
import { WidgetController } from './session/widget.controller';
import { mountWidget } from './ui/mount';

/** `/widget.js`: takes over `window.HelpCrunch` and replays what the page queued before it loaded. */
const script = document.currentScript as HTMLScriptElement | null;
const origin = gatewayOriginOf(script?.src, location.href);
const events = new WidgetEvents();
const controller = new WidgetController(
  origin,
  new WidgetApiClient(origin),
  new DeviceTokenStore(),
  events,
);
const dispatch = createDispatcher(controller, events);

const start = () => {
  if (installDispatcher(window as { HelpCrunch?: unknown }, (call) => void dispatch(call)))
    mountWidget(document, controller);
};
if (document.body) start();
else document.addEventListener('DOMContentLoaded', start, { once: true });
