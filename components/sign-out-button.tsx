'use client';

import { signOutAndLeave } from '@/lib/auth/actions';
import { forgetLocalData } from '@/lib/client/local-copy';

/** Signs out, after clearing this browser's copy of the tasks, its outbox and its cached pages. */
export function SignOutButton() {
  return (
    <form
      action={async () => {
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
