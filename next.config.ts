import type { NextConfig } from 'next';

const securityHeaders = [
  { key: 'X-Content-Type-Options', value: 'nosniff' },
  { key: 'Referrer-Policy', value: 'strict-origin-when-cross-origin' },
];

const nextConfig: NextConfig = {
  // Native and wasm-backed drivers stay in node_modules: bundling them copies PGlite's
  // 15 MB of wasm/data into the publicly served .next/static/media.
  serverExternalPackages: ['@electric-sql/pglite', '@neondatabase/serverless', 'ws', 'pg', '@node-rs/argon2'],
  poweredByHeader: false,
  // Lets a benchmark or end-to-end build sit beside the dev server's .next.
  distDir: process.env.NEXT_DIST_DIR || '.next',
  async headers() {
    return [{ source: '/:path*', headers: securityHeaders }];
  },
};

export default nextConfig;
