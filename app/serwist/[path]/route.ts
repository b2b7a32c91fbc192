import { createSerwistRoute } from '@serwist/turbopack';

// The service worker, built from app/sw.ts by Serwist (esbuild) at `next build` and served at
// /serwist/sw.js with `Service-Worker-Allowed: /`. It precaches the build's scripts and styles
// (Serwist's default patterns over the dist directory).
export const { dynamic, dynamicParams, revalidate, generateStaticParams, GET } = createSerwistRoute({
  swSrc: 'app/sw.ts',
  useNativeEsbuild: true,
  nextConfig: { distDir: process.env.NEXT_DIST_DIR || '.next' },
});
