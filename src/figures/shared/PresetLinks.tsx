/**
 * A figure's presets as a row of links (`presets.ts`): the one on screen is marked aria-current; once the
 * figure has hydrated a click applies the preset in place, before that the link loads its address.
 */
import type { ParamDecls, ParamValues } from '../../lib/url-state.ts';
import { presetHref, presetMatches, type Preset } from './presets.ts';

interface Props<P extends ParamDecls> {
  /** The row's accessible name, saying what the presets are. */
  label: string;
  presets: readonly Preset<ParamValues<P>>[];
  anchor: string;
  params: P;
  values: ParamValues<P>;
  /** What a link's address keeps of the parameters a preset does not set: the current values or the defaults. */
  base: ParamValues<P>;
  hydrated: boolean;
  onChoose(values: Partial<ParamValues<P>>): void;
}

export function PresetLinks<P extends ParamDecls>({ label, presets, anchor, params, values, base, hydrated, onChoose }: Props<P>) {
  return (
    <nav class="fig-presets" aria-label={label}>
      <span class="fig-presets__label" aria-hidden="true">
        Presets:
      </span>
      {presets.map((preset) => (
        <a
          key={preset.id}
          href={presetHref(preset, anchor, params, base)}
          data-preset={preset.id}
          aria-current={presetMatches(preset, values) ? 'true' : undefined}
          onClick={(event) => {
            if (!hydrated) return;
            event.preventDefault();
            onChoose(preset.values);
          }}
        >
          {preset.label}
        </a>
      ))}
    </nav>
  );
}
