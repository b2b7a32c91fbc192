/**
 * Whether this page is connected, and how many of the person's changes wait on this device. The
 * live region says only when the connection goes or comes back (and, offline, what waits); the
 * count of changes being sent while online is shown, not announced after every change.
 */
export function OfflineStatus({ connected, waiting, known }: { connected: boolean | null; waiting: number; known: boolean }) {
  const changes = waiting === 1 ? '1 change waits' : `${waiting} changes wait`;
  return (
    // data-waiting only once the device's outbox has been read (until then nobody knows what waits).
    <p role="status" aria-label="Live updates" data-connected={connected === null ? undefined : String(connected)} data-waiting={known ? waiting : undefined} className="text-sm">
      {connected === false ? (
        <span className="alert-warning inline-block">
          {waiting
            ? `Offline: ${changes} on this device, and will be sent when the connection is back.`
            : 'Offline: your changes are kept on this device, and changes from your other devices will show when the connection is back.'}
        </span>
      ) : (
        <>
          <span className="sr-only">{connected ? 'Live: changes from your other devices show here.' : ''}</span>
          {waiting > 0 && (
            <span aria-hidden="true" className="text-zinc-600 dark:text-zinc-400">
              Saving: {changes} to be sent.
            </span>
          )}
        </>
      )}
    </p>
  );
}
