/**
 * The pages with a task list ask the network for nothing before the list shows from the device's
 * copy (docs/offline.md): what else they fetch (the bell's count, the event stream) waits for that
 * moment. A page without a list (settings) starts at once.
 */

const EVENT = 'todo:list-shown';
/** At the latest: a planner that never shows its list (left at once) holds nothing back for long. */
const AT_MOST_MS = 3_000;

let shown = false;

/** The planner's list is on screen (or cannot be: no IndexedDB). */
export function listShown(): void {
  shown = true;
  window.dispatchEvent(new Event(EVENT));
}

/** Runs `start` once the page's list has shown, at once on a page without one. Returns a cancel. */
export function afterList(start: () => void): () => void {
  if (shown || !document.querySelector('[data-planner]')) {
    start();
    return () => {};
  }
  let started = false;
  const run = () => {
    if (started) return;
    started = true;
    cleanup();
    start();
  };
  const timer = setTimeout(run, AT_MOST_MS);
  const cleanup = () => {
    clearTimeout(timer);
    window.removeEventListener(EVENT, run);
  };
  window.addEventListener(EVENT, run);
  return cleanup;
}
