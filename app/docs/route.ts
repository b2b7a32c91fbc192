import { methodsNotAllowed } from '@/lib/http/handler';
import { docsAssetUrl } from './assets';

// A route handler rather than a page: Swagger UI brings its own styles and script, and the
// app's layout, Tailwind base styles and React would only fight them.
const html = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>API reference · Todo</title>
<link rel="stylesheet" href="${docsAssetUrl('index.css')}">
<link rel="stylesheet" href="${docsAssetUrl('swagger-ui.css')}">
<link rel="stylesheet" href="${docsAssetUrl('docs.css')}">
</head>
<body>
<noscript><p>This reference needs JavaScript. The OpenAPI document itself is at <a href="/api/openapi.json">/api/openapi.json</a>.</p></noscript>
<div id="swagger-ui" data-spec-url="/api/openapi.json"></div>
<script src="${docsAssetUrl('swagger-ui-bundle.js')}"></script>
<script src="${docsAssetUrl('docs.js')}"></script>
</body>
</html>
`;

export function GET() {
  return new Response(html, {
    headers: { 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'public, no-cache' },
  });
}

const ALLOW = ['GET', 'HEAD', 'OPTIONS'];

export const { POST, PUT, PATCH, DELETE, OPTIONS } = methodsNotAllowed(ALLOW);
