/**
 * A figure's parameter state, shared by every island. The first render uses the defaults (so it equals the
 * server render); after hydration the state from the URL is applied, and every change is written back to
 * the URL with replaceState (throttled: browsers refuse more than ~100 history calls in 30 seconds).
 */
import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import {
  defaultValues,
  paramEquals,
  queryString,
  readParams,
  writeParams,
  type ParamDecls,
  type ParamValue,
  type ParamValues,
  type Problem,
} from '../../lib/url-state.ts';

/** Where the values on screen came from: the defaults, a shared link, or the reader's own changes. */
export type ParamSource = 'default' | 'link' | 'reader';

export interface FigureParams<P extends ParamDecls> {
  values: ParamValues<P>;
  /** Values from the link that could not be used (each was reset to its default). */
  problems: Problem[];
  source: ParamSource;
  /** False on the server and in the first client render; controls stay disabled until it is true. */
  hydrated: boolean;
  /** True when every value equals its default. */
  atDefaults: boolean;
  set<K extends keyof P & string>(name: K, value: ParamValue<P[K]>): void;
  /** Sets the given values that differ from those on screen (a preset, say); with none, nothing happens. */
  update(changes: Partial<ParamValues<P>>): void;
  reset(): void;
  dismissProblems(): void;
}

const urlWriteDelayMs = 250;

function replaceUrl<P extends ParamDecls>(anchor: string, decls: P, values: ParamValues<P>): void {
  const query = writeParams(window.location.search, anchor, decls, values);
  const url = `${window.location.pathname}${queryString(query)}${window.location.hash}`;
  try {
    window.history.replaceState(window.history.state, '', url);
  } catch {
    // A browser that throttles history calls keeps the old address; the figure itself still works.
  }
  window.dispatchEvent(new CustomEvent('figure-state', { detail: { anchor } }));
}

export function allDefaults<P extends ParamDecls>(decls: P, values: ParamValues<P>): boolean {
  return Object.entries(decls).every(([name, decl]) => paramEquals(decl, values[name] as never, decl.default as never));
}

export function useFigureParams<P extends ParamDecls>(decls: P, anchor: string): FigureParams<P> {
  const [values, setValues] = useState<ParamValues<P>>(() => defaultValues(decls));
  const [problems, setProblems] = useState<Problem[]>([]);
  const [source, setSource] = useState<ParamSource>('default');
  const [hydrated, setHydrated] = useState(false);
  const pending = useRef<ParamValues<P> | undefined>(undefined);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);

  const flush = useCallback(() => {
    clearTimeout(timer.current);
    timer.current = undefined;
    if (pending.current) replaceUrl(anchor, decls, pending.current);
    pending.current = undefined;
  }, [anchor, decls]);

  const schedule = useCallback(
    (next: ParamValues<P>) => {
      pending.current = next;
      if (timer.current === undefined) timer.current = setTimeout(flush, urlWriteDelayMs);
    },
    [flush],
  );

  useEffect(() => {
    const read = readParams(window.location.search, anchor, decls);
    setValues(read.values);
    setProblems(read.problems);
    setSource(read.fromUrl && !allDefaults(decls, read.values) ? 'link' : 'default');
    setHydrated(true);
    // Rewrite a bad link to the state actually shown, so copying the address shares what is on screen.
    if (read.problems.length > 0) replaceUrl(anchor, decls, read.values);
    window.addEventListener('pagehide', flush);
    return () => {
      window.removeEventListener('pagehide', flush);
      flush();
    };
  }, [anchor, decls, flush]);

  const set = useCallback(
    <K extends keyof P & string>(name: K, value: ParamValue<P[K]>) => {
      setValues((previous) => {
        const next = { ...previous, [name]: value };
        schedule(next);
        return next;
      });
      setSource('reader');
      setProblems([]);
    },
    [schedule],
  );

  const update = useCallback(
    (changes: Partial<ParamValues<P>>) => {
      const changed = (Object.keys(changes) as (keyof P & string)[]).filter((name) => changes[name] !== values[name]);
      for (const name of changed) set(name, changes[name] as ParamValue<P[typeof name]>);
    },
    [set, values],
  );

  const reset = useCallback(() => {
    const next = defaultValues(decls);
    setValues(next);
    setSource('default');
    setProblems([]);
    schedule(next);
  }, [decls, schedule]);

  const dismissProblems = useCallback(() => setProblems([]), []);

  return { values, problems, source, hydrated, atDefaults: allDefaults(decls, values), set, update, reset, dismissProblems };
}
