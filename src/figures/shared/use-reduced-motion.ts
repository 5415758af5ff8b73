/**
 * Whether the reader asks for reduced motion (`prefers-reduced-motion: reduce`), following changes live.
 * False on the server and in the first client render, so both render the same markup.
 */
import { useEffect, useState } from 'preact/hooks';

export function useReducedMotion(): boolean {
  const [reduced, setReduced] = useState(false);
  useEffect(() => {
    const query = window.matchMedia('(prefers-reduced-motion: reduce)');
    const update = () => setReduced(query.matches);
    update();
    query.addEventListener('change', update);
    return () => query.removeEventListener('change', update);
  }, []);
  return reduced;
}
