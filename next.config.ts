import { withSerwist } from '@serwist/turbopack';
import type { NextConfig } from 'next';
import { contentSecurityPolicy } from './lib/server/csp';

const securityHeaders = [
  { key: 'X-Content-Type-Options', value: 'nosniff' },
  { key: 'Referrer-Policy', value: 'strict-origin-when-cross-origin' },
];

const dev = process.env.NODE_ENV !== 'production';

// `vercel build` (in CI, in the preview workflow, on Vercel) sets VERCEL=1. A deployment's
// database is always a server (DATABASE_URL: a function's disk is read-only and not shared), so
// PGlite's ~20 MB of wasm, data and extension archives would never run there. Turbopack does
// not apply this to the instrumentation hook's trace: scripts/vercel-build.ts does.
const VERCEL_TRACING_EXCLUDES = ['node_modules/@electric-sql/pglite/**/*'];
const vercel = process.env.VERCEL === '1';
// Production only: a browser that saw it refuses plain http to this host for two years, which
// would lock `next dev` on http://localhost out of the developer's own browser.
const hsts = dev ? [] : [{ key: 'Strict-Transport-Security', value: 'max-age=63072000; includeSubDomains' }];

// /docs: Swagger UI's scripts are files of this origin. Pages get theirs, with a nonce, from the
// server guard (lib/server/guard.ts); API responses are JSON.
const docsContentSecurityPolicy = contentSecurityPolicy({ dev });

const nextConfig: NextConfig = {
  // Native and wasm-backed drivers stay in node_modules: bundling them copies PGlite's
  // 15 MB of wasm/data into the publicly served .next/static/media.
  // The VTIMEZONE library reads its zone files from its own folder at run time.
  serverExternalPackages: ['@electric-sql/pglite', '@neondatabase/serverless', 'ws', 'pg', '@node-rs/argon2', '@touch4it/ical-timezones', 'web-push'],
  poweredByHeader: false,
  // /docs serves Swagger UI's files from node_modules at run time, which tracing cannot see.
  outputFileTracingIncludes: {
    '/api/calendar/[file]': ['./node_modules/@touch4it/ical-timezones/zones/**/*'],
    '/docs/assets/[file]': [
      './node_modules/swagger-ui-dist/index.css',
      './node_modules/swagger-ui-dist/swagger-ui.css',
      './node_modules/swagger-ui-dist/swagger-ui-bundle.js',
    ],
  },
  outputFileTracingExcludes: vercel ? { '*': VERCEL_TRACING_EXCLUDES } : {},
  // Server actions are the sign-in, signup and sign-out forms: a few fields (lib/http/body.ts's
  // MAX_FORM_BYTES). Next refuses a larger body with 413 while reading it. One limit for every
  // action: an action that takes more must raise it.
  experimental: { serverActions: { bodySizeLimit: '8kb' } },
  // Lets a benchmark or end-to-end build sit beside the dev server's .next.
  distDir: process.env.NEXT_DIST_DIR || '.next',
  // Such a build names its own tsconfig (one that `extends` ours), because `next build`
  // otherwise rewrites tsconfig.json to include that folder's generated types.
  typescript: { tsconfigPath: process.env.NEXT_TSCONFIG_PATH || 'tsconfig.json' },
  async headers() {
    return [
      { source: '/:path*', headers: [...securityHeaders, ...hsts] },
      { source: '/((?!api/).*)', headers: [{ key: 'X-Frame-Options', value: 'DENY' }] },
      { source: '/docs/:path*', headers: [{ key: 'Content-Security-Policy', value: docsContentSecurityPolicy }] },
    ];
  },
};

// Serwist builds the service worker (app/sw.ts) in its route, app/serwist/[path]; this keeps esbuild out of the bundle.
export default withSerwist(nextConfig);
