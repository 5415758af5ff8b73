/**
 * Polite announcements for screen readers. The live region is rendered (empty) with the figure, so it
 * exists before anything is announced; messages are debounced so that dragging a slider announces the
 * place where the reader stopped, not every step on the way.
 */
import { useCallback, useEffect, useRef, useState } from 'preact/hooks';

export function useAnnouncer(delayMs = 500): [message: string, announce: (message: string) => void] {
  const [message, setMessage] = useState('');
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const announce = useCallback(
    (next: string) => {
      clearTimeout(timer.current);
      timer.current = setTimeout(() => setMessage(next), delayMs);
    },
    [delayMs],
  );
  useEffect(() => () => clearTimeout(timer.current), []);
  return [message, announce];
}
