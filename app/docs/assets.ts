import { createHash } from 'node:crypto';
import swaggerUiPackage from 'swagger-ui-dist/package.json';

// The files /docs loads, all from this origin: the page must work offline and under a CSP
// that allows only 'self'. Anything not listed here is a 404.

/** Starts Swagger UI on the page. Kept out of the HTML so that it needs no inline script. */
const initializer = `
(function () {
  var root = document.getElementById('swagger-ui');
  var ui = SwaggerUIBundle({
    url: root.dataset.specUrl,
    domNode: root,
    deepLinking: true,
    displayRequestDuration: true,
    tryItOutEnabled: false,
    // The default validator badge is an image from validator.swagger.io: off the CSP and off-line.
    validatorUrl: null,
    presets: [SwaggerUIBundle.presets.apis],
    layout: 'BaseLayout',
    // A token fetched with "Try it out" on POST /api/auth/token authorizes the other operations.
    responseInterceptor: function (response) {
      var path = new URL(response.url, window.location.href).pathname;
      if (response.ok && path === '/api/auth/token' && response.body && response.body.access_token) {
        ui.preauthorizeApiKey('bearerAuth', response.body.access_token);
      }
      return response;
    },
  });
})();
`.trimStart();

const CSS = 'text/css; charset=utf-8';
const JS = 'text/javascript; charset=utf-8';

export type DocsAsset =
  | { contentType: string; version: string; packageFile: string }
  | { contentType: string; version: string; source: string };

const swaggerUi = (packageFile: string, contentType: string): DocsAsset => ({
  contentType,
  version: swaggerUiPackage.version,
  packageFile,
});

export const DOCS_ASSETS = {
  'index.css': swaggerUi('index.css', CSS),
  'swagger-ui.css': swaggerUi('swagger-ui.css', CSS),
  'swagger-ui-bundle.js': swaggerUi('swagger-ui-bundle.js', JS),
  'docs.js': {
    contentType: JS,
    version: createHash('sha256').update(initializer).digest('hex').slice(0, 12),
    source: initializer,
  },
} satisfies Record<string, DocsAsset>;

export type DocsAssetName = keyof typeof DOCS_ASSETS;

export function findDocsAsset(name: string): DocsAsset | undefined {
  return Object.hasOwn(DOCS_ASSETS, name) ? DOCS_ASSETS[name as DocsAssetName] : undefined;
}

/** The URL of an asset, with its version in the query so that it can be cached for good. */
export function docsAssetUrl(name: DocsAssetName): string {
  return `/docs/assets/${name}?v=${DOCS_ASSETS[name].version}`;
}
