'use client';

import { signOutAndLeave } from '@/lib/auth/actions';
import { forgetLocalData, LocalCopy } from '@/lib/client/local-copy';

/**
 * Signs out, after clearing this browser's copy of the tasks, its outbox and its cached pages;
 * changes not sent yet would be lost with them, so the person is asked first.
 */
export function SignOutButton() {
  return (
    <form
      action={async () => {
        const waiting = await LocalCopy.waitingOnDevice().catch(() => 0);
        const lost = waiting === 1 ? '1 change made on this device has' : `${waiting} changes made on this device have`;
        if (waiting > 0 && !window.confirm(`${lost} not reached the server yet, and will be lost. Sign out anyway?`)) return;
        await forgetLocalData();
        await signOutAndLeave();
      }}
    >
      <button type="submit" className="btn btn-secondary py-1.5">
        Sign out
      </button>
    </form>
  );
}
