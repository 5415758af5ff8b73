/**
 * A range input over a choice parameter whose options are the points of a grid (e.g. 0, 1, 2, 4, 8, 16
 * examples): the slider moves by one point, the address keeps the value itself, and an off-grid value in a
 * link is refused like any other choice.
 */
import type { ChoiceParam } from '../../lib/url-state.ts';

export function GridSlider<Option extends string>(props: { id: string; decl: ChoiceParam<Option>; value: Option; disabled: boolean; onChange(value: Option): void }) {
  const { decl } = props;
  const index = Math.max(0, decl.options.findIndex((o) => o.value === props.value));
  const label = decl.options[index]?.label ?? props.value;
  return (
    <div class="fig__control">
      <label for={props.id}>{decl.label}</label>
      <input
        id={props.id}
        type="range"
        min={0}
        max={decl.options.length - 1}
        step={1}
        value={index}
        disabled={props.disabled}
        aria-valuetext={label}
        onInput={(event) => {
          const option = decl.options[Number(event.currentTarget.value)];
          if (option) props.onChange(option.value);
        }}
      />
      <output for={props.id} aria-hidden="true">
        {label}
      </output>
    </div>
  );
}
