import { render } from 'preact';
import type { WidgetController } from '../session/widget.controller';
import { widgetStyles } from './widget.styles';
import { WidgetView } from './widget-view';

/** Renders the widget into an open shadow root on its own host element. */
export function mountWidget(document: Document, controller: WidgetController): HTMLElement {
  const host = document.createElement('div');
  host.id = 'threadline-widget';
  host.setAttribute('data-testid', 'threadline-widget-host');
  const root = host.attachShadow({ mode: 'open' });
  const style = document.createElement('style');
  style.textContent = widgetStyles;
  const container = document.createElement('div');
  root.append(style, container);
  (document.body ?? document.documentElement).appendChild(host);
  render(<WidgetView controller={controller} />, container);
  return host;
}
