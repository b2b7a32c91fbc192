/**
 * Whether this page is connected, and how many of the person's changes wait on this device: said
 * to screen readers, shown when offline or while changes wait.
 */
export function OfflineStatus({ connected, waiting }: { connected: boolean | null; waiting: number }) {
  const changes = waiting === 1 ? '1 change waits' : `${waiting} changes wait`;
  let text: string;
  if (connected === false) text = waiting ? `Offline: ${changes} on this device, and will be sent when the connection is back.` : 'Offline: your changes are kept on this device, and changes from your other devices will show when the connection is back.';
  else text = waiting ? `Saving: ${changes} to be sent.` : connected ? 'Live: changes from your other devices show here.' : '';
  const shown = connected === false || waiting > 0;
  return (
    <p role="status" aria-label="Live updates" data-connected={connected === null ? undefined : String(connected)} data-waiting={waiting} className="text-sm">
      <span className={shown ? (connected === false ? 'alert-warning inline-block' : 'text-zinc-600 dark:text-zinc-400') : 'sr-only'}>{text}</span>
    </p>
  );
}
