import { dirname, join } from 'node:path';

/**
 * The folder of a workspace package (`@threadline/widget`, `@threadline/dashboard`): resolved as a
 * module when installed, else beside the gateway in the monorepo.
 */
export function packageDir(name: string, folder: string): string {
  try {
    return dirname(require.resolve(`${name}/package.json`));
  } catch {
    // src/infrastructure/static or dist/infrastructure/static → the repository root.
    const fallback = join(__dirname, '..', '..', '..', '..', '..', 'packages', folder);
    return fallback;
  }
}

export interface AssetLocations {
  /** `dist/widget.js` and `demo/index.html` live under it. */
  widgetDir: string;
  /** The built dashboard (`index.html` and its assets). */
  dashboardDist: string;
}

export function assetLocations(config: {
  GATEWAY_WIDGET_DIR?: string;
  GATEWAY_DASHBOARD_DIR?: string;
}): AssetLocations {
  return {
    widgetDir: config.GATEWAY_WIDGET_DIR ?? packageDir('@threadline/widget', 'widget'),
    dashboardDist:
      config.GATEWAY_DASHBOARD_DIR ??
      join(packageDir('@threadline/dashboard', 'dashboard'), 'dist'),
  };
}
