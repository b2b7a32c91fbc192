'use client';

import { useEffect, useRef, useState } from 'react';
import { fetchChanges } from '@/lib/client/api';
import { FeedFollower, watchChanges, type FeedUpdate } from '@/lib/client/sync';

/**
 * Keeps the board in step with every other device and tab: follows the changes feed whenever the
 * event stream (shared by the browser's tabs) signals, after every reconnection, when the network
 * comes back and when the tab becomes visible again. `onUpdate` gets what changed; the first
 * catch-up is the full sync that sets the cursor, and is not passed on.
 */
export function useLiveUpdates(userId: string, onUpdate: (update: FeedUpdate) => void, onInvitation?: () => void): { connected: boolean | null } {
  const [connected, setConnected] = useState<boolean | null>(null);
  const latest = useRef(onUpdate);
  const latestInvitation = useRef(onInvitation);
  useEffect(() => {
    latest.current = onUpdate;
    latestInvitation.current = onInvitation;
  });

  useEffect(() => {
    const follower = new FeedFollower((since) => fetchChanges(userId, since));
    let started = false;
    const catchUp = () => {
      follower
        .catchUp()
        .then((update) => {
          // The first answer is the full sync that gives the cursor: the board loaded its own list.
          if (started) latest.current(update);
          started = true;
        })
        // Offline or refused: the next signal (reconnection, online, visible) tries again.
        .catch(() => {});
    };
    catchUp();
    const stop = watchChanges(userId, { onSignal: catchUp, onConnection: setConnected, onInvitation: () => latestInvitation.current?.() });
    const visible = () => {
      if (document.visibilityState === 'visible') catchUp();
    };
    document.addEventListener('visibilitychange', visible);
    return () => {
      stop();
      document.removeEventListener('visibilitychange', visible);
    };
  }, [userId]);

  return { connected };
}
