import { createSerwistRoute } from '@serwist/turbopack';

// The service worker, built from app/sw.ts by Serwist (esbuild) at `next build` and served at
// /serwist/sw.js with `Service-Worker-Allowed: /`. Nothing is precached yet: the worker shows
// pushed notifications (the offline issue adds the app shell).
export const { dynamic, dynamicParams, revalidate, generateStaticParams, GET } = createSerwistRoute({
  swSrc: 'app/sw.ts',
  useNativeEsbuild: true,
  globPatterns: [],
  nextConfig: { distDir: process.env.NEXT_DIST_DIR || '.next' },
});
