import type { MetadataRoute } from 'next';

// The web app manifest (served at /manifest.webmanifest, linked from every page by Next): what a
// browser needs to install the app. Its icons are drawn by app/icons/[file]/route.tsx.

export const THEME_LIGHT = '#ffffff';
export const THEME_DARK = '#09090b';

export default function manifest(): MetadataRoute.Manifest {
  return {
    id: '/',
    name: 'Todo',
    short_name: 'Todo',
    description: 'A simple, fast todo list for people and programs.',
    start_url: '/tasks',
    scope: '/',
    display: 'standalone',
    background_color: THEME_LIGHT,
    theme_color: '#2563eb',
    icons: [
      { src: '/icons/192.png', sizes: '192x192', type: 'image/png', purpose: 'any' },
      { src: '/icons/512.png', sizes: '512x512', type: 'image/png', purpose: 'any' },
      { src: '/icons/maskable-512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' },
    ],
  };
}
