/**
 * Presets: named settings a figure offers as links. A preset sets some parameters and keeps the rest; its link
 * carries the whole state, so it works without JavaScript and can be shared.
 */
import { queryString, writeParams, type ParamDecls, type ParamValues } from '../../lib/url-state.ts';

export interface Preset<Settings> {
  id: string;
  label: string;
  values: Partial<Settings>;
}

/** The figure shows the preset: every value the preset sets is the current one. */
export function presetMatches<Settings>(preset: Preset<Settings>, values: Settings): boolean {
  return (Object.keys(preset.values) as (keyof Settings)[]).every((key) => preset.values[key] === values[key]);
}

/** The preset's address, relative to the page: its values on top of `base`, and the figure's anchor. */
export function presetHref<P extends ParamDecls>(preset: Preset<ParamValues<P>>, anchor: string, params: P, base: ParamValues<P>): string {
  return `${queryString(writeParams('', anchor, params, { ...base, ...preset.values }))}#${anchor}`;
}
