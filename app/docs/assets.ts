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
  // Swagger UI's markup, made accessible once rendered (and again whenever it re-renders): the
  // server picker gets a name, and an operation's header button holds no link (a control inside
  // a control); the button itself opens the operation.
  function repair() {
    root.querySelectorAll('select#servers:not([aria-label])').forEach(function (select) {
      select.setAttribute('aria-label', 'Server');
    });
    root.querySelectorAll('.opblock-summary-control a[href]').forEach(function (link) {
      link.removeAttribute('href');
    });
  }
  new MutationObserver(repair).observe(root, { childList: true, subtree: true, attributes: true, attributeFilter: ['href'] });
  repair();
})();
`.trimStart();

/**
 * Swagger UI's colours, darkened where they miss WCAG AA's 4.5:1 (its method badges, links,
 * version stamps and grey notes). Its theme is light only, so the page says so: a dark
 * preference must not give it dark form controls on its light panels.
 */
const stylesheet = `
:root { color-scheme: light; }
body { background: #fafafa; color: #1f2937; }
.swagger-ui .info .title small { background: #4b5563; }
.swagger-ui .info .title small.version-stamp { background: #3f6212; }
.swagger-ui .info .title small pre { color: #fff; }
.swagger-ui a, .swagger-ui .info a, .swagger-ui .info .url, .swagger-ui .info .base-url { color: #1d4ed8; }
.swagger-ui .opblock.opblock-get .opblock-summary-method { background: #1d4ed8; }
.swagger-ui .opblock.opblock-post .opblock-summary-method { background: #166534; }
.swagger-ui .opblock.opblock-put .opblock-summary-method { background: #9a3412; }
.swagger-ui .opblock.opblock-delete .opblock-summary-method { background: #b91c1c; }
.swagger-ui .opblock.opblock-patch .opblock-summary-method { background: #0f766e; }
.swagger-ui .opblock.opblock-head .opblock-summary-method { background: #6b21a8; }
.swagger-ui .opblock.opblock-options .opblock-summary-method { background: #1e3a8a; }
.swagger-ui .opblock-tag small, .swagger-ui .opblock-description-wrapper p, .swagger-ui .parameter__in,
.swagger-ui .parameter__deprecated, .swagger-ui .prop-format, .swagger-ui .response-col_links,
.swagger-ui table thead tr td, .swagger-ui table thead tr th, .swagger-ui .model-title, .swagger-ui .model .property,
.swagger-ui .renderedMarkdown p, .swagger-ui .opblock-summary-description { color: #374151; }
.swagger-ui .parameter__name.required span, .swagger-ui .parameter__name.required::after { color: #b91c1c; }
.swagger-ui .btn.authorize { color: #166534; border-color: #166534; }
.swagger-ui .btn.authorize svg { fill: #166534; }
.swagger-ui .scheme-container .schemes > label, .swagger-ui .servers-title { color: #1f2937; }
.swagger-ui .json-schema-2020-12-expand-deep-button { color: #4b5563; }
.swagger-ui .json-schema-2020-12__constraint--string { background-color: #92400e; }
.swagger-ui .json-schema-2020-12__constraint--number { background-color: #6b21a8; }
.swagger-ui .json-schema-2020-12__attribute--primary { color: #1e40af; }
.swagger-ui .json-schema-2020-12__attribute--muted { color: #4b5563; }
.swagger-ui .json-schema-2020-12-keyword__name--secondary, .swagger-ui .json-schema-2020-12-keyword__value--secondary { color: #4b5563; }
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
  'docs.css': {
    contentType: CSS,
    version: createHash('sha256').update(stylesheet).digest('hex').slice(0, 12),
    source: stylesheet,
  },
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
