/** The service worker's cache of the signed-in pages (app/sw.ts), which hold the person's name: signing out deletes it. */
export const PAGE_CACHE = 'todo-pages';
