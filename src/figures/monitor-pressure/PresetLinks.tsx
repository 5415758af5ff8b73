/**
 * The presets as a grid of links (rows: whether a hack needs a written plan; columns: how much pressure and
 * when). Each link carries its settings in the address, so it can be copied and shared; once the figure has
 * hydrated, a click applies the settings in place (before that, the link loads the page with them).
 */
import { writeParams, queryString } from '../../lib/url-state.ts';
import { params, presetSettings, pressurePresets, regimes, type Settings } from './settings.ts';

const sameSettings = (a: Settings, b: Settings) => (Object.keys(a) as (keyof Settings)[]).every((key) => a[key] === b[key]);

export function PresetLinks(props: { anchor: string; values: Settings; onChoose(values: Settings): void }) {
  return (
    <table class="mp-presets">
      <caption>Presets (each is a link you can share)</caption>
      <thead>
        <tr>
          <td>Pressure:</td>
          {pressurePresets.map((preset) => (
            <th key={preset.id} scope="col">
              {preset.label}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {regimes.map((regime) => (
          <tr key={regime.id}>
            <th scope="row">{regime.label}</th>
            {pressurePresets.map((preset) => {
              const settings = presetSettings(preset, regime);
              const current = sameSettings(settings, props.values);
              const href = `${queryString(writeParams('', props.anchor, params, settings))}#${props.anchor}`;
              return (
                <td key={preset.id}>
                  <a
                    href={href}
                    data-preset={`${preset.id}-${regime.id}`}
                    aria-current={current ? 'true' : undefined}
                    onClick={(event) => {
                      event.preventDefault();
                      props.onChoose(settings);
                    }}
                  >
                    {`λ = ${preset.values.pressure}`}
                    <span class="fig-visually-hidden">{`: pressure ${preset.label.toLowerCase()}, ${regime.label.toLowerCase()}`}</span>
                  </a>
                </td>
              );
            })}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
