/** Whether this page is receiving other devices' changes: said to screen readers, shown when it is not. */
export function LiveStatus({ connected }: { connected: boolean | null }) {
  return (
    <p role="status" aria-label="Live updates" data-connected={connected === null ? undefined : String(connected)} className="text-sm">
      {connected === false ? (
        <span className="alert-warning inline-block">Offline: changes from your other devices will show when the connection is back.</span>
      ) : (
        <span className="sr-only">{connected ? 'Live: changes from your other devices show here.' : ''}</span>
      )}
    </p>
  );
}
