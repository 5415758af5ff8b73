/**
 * A button whose label changes with the figure's state (train, cancel, train again) without changing its width:
 * every label it can show sits in the same grid cell and only the current one is visible, so the button is as wide
 * as its longest label and nothing beside it moves when a run starts or ends. Hidden labels are aria-hidden and
 * invisible, so the accessible name is the current label alone.
 */
export function SteadyButton({ label, labels, disabled, onClick }: { label: string; labels: readonly string[]; disabled?: boolean; onClick(): void }) {
  const all = labels.includes(label) ? labels : [label, ...labels];
  return (
    <button type="button" class="fig-steady-button" disabled={disabled} onClick={onClick}>
      {all.map((text) => (
        <span key={text} class={text === label ? undefined : 'fig-steady-button__spare'} aria-hidden={text === label ? undefined : 'true'}>
          {text}
        </span>
      ))}
    </button>
  );
}
