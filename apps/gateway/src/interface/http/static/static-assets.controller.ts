import { stat, readFile } from 'node:fs/promises';
import { extname, join, normalize, sep } from 'node:path';
import {
  BadRequestException,
  Controller,
  Get,
  Inject,
  NotFoundException,
  Req,
  Res,
  ServiceUnavailableException,
  UseFilters,
} from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { SkipThrottle } from '@nestjs/throttler';
import { GatewayExceptionFilter } from '../gateway-exception.filter';
import { DemoCredentials, gatewayUrlOf, renderDemoPage } from '../../../application/demo-page';
import { GATEWAY_CONFIG } from '../../../infrastructure/config/gateway-config.token';
import type { GatewayConfig } from '../../../infrastructure/config/gateway.config';
import { assetLocations, type AssetLocations } from '../../../infrastructure/static/package-assets';

interface StaticRequest {
  path: string;
  originalUrl: string;
  protocol: string;
  get(name: string): string | undefined;
}
interface StaticResponse {
  setHeader(name: string, value: string): void;
  redirect(status: number, url: string): void;
  type(value: string): StaticResponse;
  send(body: string): void;
  sendFile(
    path: string,
    options: {
      root: string;
      maxAge?: number;
      immutable?: boolean;
      dotfiles?: 'deny';
      headers?: Record<string, string>;
    },
    callback: (error?: Error & { status?: number; statusCode?: number }) => void,
  ): void;
}

const hour = 3_600_000;

async function isFile(path: string): Promise<boolean> {
  return (await stat(path).catch(() => undefined))?.isFile() ?? false;
}

function sendFile(
  response: StaticResponse,
  root: string,
  file: string,
  options: { maxAge: number; immutable?: boolean; headers?: Record<string, string> },
): Promise<void> {
  return new Promise((resolve, reject) =>
    response.sendFile(file, { root, dotfiles: 'deny', ...options }, (error) =>
      error ? reject(error) : resolve(),
    ),
  );
}

/**
 * What browsers load from the gateway besides the API: the widget script businesses embed, the
 * agent dashboard (a single-page app), and `/demo`, a page that embeds the widget with the demo
 * application's values. Gzip comes from the compression middleware.
 */
@ApiExcludeController()
@SkipThrottle()
@Controller()
@UseFilters(GatewayExceptionFilter)
export class StaticAssetsController {
  private readonly assets: AssetLocations;

  constructor(@Inject(GATEWAY_CONFIG) private readonly config: GatewayConfig) {
    this.assets = assetLocations(config);
  }

  /** Any site may load it; a short cache keeps deploys visible within minutes. */
  @Get('widget.js')
  async widget(@Res() response: StaticResponse): Promise<void> {
    const root = join(this.assets.widgetDir, 'dist');
    if (!(await isFile(join(root, 'widget.js')))) {
      throw new ServiceUnavailableException({
        statusCode: 503,
        error: 'WIDGET_NOT_BUILT',
        message: `${join(root, 'widget.js')} is missing: build @threadline/widget first (npx turbo run build --filter=@threadline/widget)`,
      });
    }
    await sendFile(response, root, 'widget.js', {
      maxAge: 5 * 60_000,
      headers: {
        'Content-Type': 'application/javascript; charset=utf-8',
        'Access-Control-Allow-Origin': '*',
        'Cross-Origin-Resource-Policy': 'cross-origin',
      },
    });
  }

  @Get(['dashboard', 'dashboard/*path'])
  async dashboard(@Req() request: StaticRequest, @Res() response: StaticResponse): Promise<void> {
    const root = this.assets.dashboardDist;
    const urlPath = request.originalUrl.split('?')[0] ?? '';
    if (urlPath === '/dashboard') {
      response.redirect(301, '/dashboard/');
      return;
    }
    if (!(await isFile(join(root, 'index.html')))) {
      throw new ServiceUnavailableException({
        statusCode: 503,
        error: 'DASHBOARD_NOT_BUILT',
        message: `${join(root, 'index.html')} is missing: build @threadline/dashboard first (npx turbo run build --filter=@threadline/dashboard)`,
      });
    }
    let relative: string;
    try {
      relative = normalize(decodeURIComponent(request.path.replace(/^\/dashboard\/?/, '')));
    } catch {
      throw new NotFoundException({ statusCode: 404, error: 'NOT_FOUND', message: 'no such file' });
    }
    if (relative.startsWith('..') || relative.split(sep).includes('..')) {
      throw new NotFoundException({ statusCode: 404, error: 'NOT_FOUND', message: 'no such file' });
    }
    if (relative !== '.' && relative !== '' && (await isFile(join(root, relative)))) {
      // Built assets carry a content hash in their name: cache them for good.
      const hashed = /[.-][A-Za-z0-9_-]{8,}\.(?:js|css|woff2?|svg|png)$/.test(relative);
      await sendFile(
        response,
        root,
        relative,
        hashed ? { maxAge: 365 * 24 * hour, immutable: true } : { maxAge: 0 },
      );
      return;
    }
    if (extname(relative) !== '') {
      throw new NotFoundException({
        statusCode: 404,
        error: 'NOT_FOUND',
        message: `no such file: ${relative}`,
      });
    }
    // A client-side route: the app's shell, never cached, so a deploy is picked up at once.
    await sendFile(response, root, 'index.html', {
      maxAge: 0,
      headers: { 'Cache-Control': 'no-cache' },
    });
  }

  @Get('demo')
  async demo(@Req() request: StaticRequest, @Res() response: StaticResponse): Promise<void> {
    const file = this.config.DEMO_CREDENTIALS_FILE;
    const notConfigured = (why: string) =>
      new NotFoundException({ statusCode: 404, error: 'DEMO_NOT_CONFIGURED', message: why });
    if (!file) {
      throw notConfigured(
        'the demo is not configured: DEMO_CREDENTIALS_FILE is not set (npm start sets it)',
      );
    }
    let raw: unknown;
    try {
      raw = JSON.parse(await readFile(file, 'utf8'));
    } catch {
      throw notConfigured(`the demo is not configured: ${file} is missing or not JSON`);
    }
    const credentials = DemoCredentials.safeParse(raw);
    if (!credentials.success) {
      throw notConfigured(`the demo is not configured: ${file} does not hold demo credentials`);
    }
    const templatePath = join(this.assets.widgetDir, 'demo', 'index.html');
    const template = await readFile(templatePath, 'utf8').catch(() => undefined);
    if (template === undefined) {
      throw new ServiceUnavailableException({
        statusCode: 503,
        error: 'DEMO_TEMPLATE_MISSING',
        message: `${templatePath} is missing`,
      });
    }
    const gatewayUrl = gatewayUrlOf(request.protocol, request.get('host'));
    if (!gatewayUrl) {
      throw new BadRequestException({
        statusCode: 400,
        error: 'BAD_HOST',
        message: 'host: is not a plain host name',
        field: 'host',
      });
    }
    response.setHeader('Cache-Control', 'no-store');
    response.type('html').send(renderDemoPage(template, credentials.data, gatewayUrl));
  }
}
