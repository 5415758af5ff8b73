/**
 * Real, labelled inputs generated from parameter declarations: a range per number (and per vector
 * component), a select per choice, a pressed/unpressed button per toggle. Tab order is declaration order;
 * arrow keys move ranges by one step. Controls stay disabled until the island has hydrated, so the server
 * render and the first client render are the same and nothing is operable before it works.
 */
import { format as d3format } from 'd3-format';
import type { ComponentChildren } from 'preact';
import { snapToStep, stepDecimals, type ParamDecl, type ParamDecls, type ParamValue, type ParamValues } from '../../lib/url-state.ts';

interface ControlProps<D extends ParamDecl> {
  /** Unique on the page: the figure's anchor plus the parameter name. */
  idPrefix: string;
  decl: D;
  value: ParamValue<D>;
  disabled: boolean;
  onChange(value: ParamValue<D>): void;
  /** Text shown beside a range instead of the plain number (e.g. with units). */
  format?: (value: number) => string;
}

function Range(props: {
  id: string;
  label: string;
  min: number;
  max: number;
  step: number;
  value: number;
  disabled: boolean;
  format: (value: number) => string;
  onChange(value: number): void;
}) {
  return (
    <div class="fig__control">
      <label for={props.id}>{props.label}</label>
      <input
        id={props.id}
        type="range"
        min={props.min}
        max={props.max}
        step={props.step}
        value={props.value}
        disabled={props.disabled}
        aria-valuetext={props.format(props.value)}
        onInput={(event) => props.onChange(snapToStep(Number(event.currentTarget.value), props.min, props.step))}
      />
      <output for={props.id} aria-hidden="true">
        {props.format(props.value)}
      </output>
    </div>
  );
}

export function ParamControl<D extends ParamDecl>({ idPrefix, decl, value, disabled, onChange, format }: ControlProps<D>) {
  const show = format ?? d3format(`.${decl.kind === 'number' || decl.kind === 'vector' ? stepDecimals(decl.step) : 0}f`);
  switch (decl.kind) {
    case 'number':
      return <Range id={idPrefix} label={decl.label} min={decl.min} max={decl.max} step={decl.step} value={value as number} disabled={disabled} format={show} onChange={(v) => onChange(v as ParamValue<D>)} />;
    case 'vector': {
      const vector = value as number[];
      return (
        <fieldset class="fig__controls fig__vector">
          <legend class="fig-visually-hidden">{decl.label}</legend>
          {decl.components.map((component, i) => (
            <Range
              key={component}
              id={`${idPrefix}-${i}`}
              label={`${decl.label}: ${component}`}
              min={decl.min}
              max={decl.max}
              step={decl.step}
              value={vector[i] ?? 0}
              disabled={disabled}
              format={show}
              onChange={(v) => onChange(vector.map((old, j) => (j === i ? v : old)) as ParamValue<D>)}
            />
          ))}
        </fieldset>
      );
    }
    case 'choice':
      return (
        <div class="fig__control">
          <label for={idPrefix}>{decl.label}</label>
          <select id={idPrefix} value={value as string} disabled={disabled} onChange={(event) => onChange(event.currentTarget.value as ParamValue<D>)}>
            {decl.options.map((option) => (
              <option key={option.value} value={option.value}>
                {option.label}
              </option>
            ))}
          </select>
        </div>
      );
    case 'toggle':
      return (
        <div class="fig__control">
          <button type="button" id={idPrefix} aria-pressed={value ? 'true' : 'false'} disabled={disabled} onClick={() => onChange(!value as ParamValue<D>)}>
            {decl.label}
          </button>
        </div>
      );
  }
}

/** Every declared parameter's control, in declaration order; `only` picks a subset, `children` adds more. */
export function ParamControls<P extends ParamDecls>(props: {
  anchor: string;
  decls: P;
  values: ParamValues<P>;
  disabled: boolean;
  onChange<K extends keyof P & string>(name: K, value: ParamValue<P[K]>): void;
  only?: (keyof P & string)[];
  label?: string;
  children?: ComponentChildren;
}) {
  const names = props.only ?? (Object.keys(props.decls) as (keyof P & string)[]);
  return (
    <fieldset class="fig__controls">
      <legend class="fig-visually-hidden">{props.label ?? 'Figure controls'}</legend>
      {names.map((name) => (
        <ParamControl
          key={name}
          idPrefix={`${props.anchor}-${name}`}
          decl={props.decls[name]!}
          value={props.values[name] as never}
          disabled={props.disabled}
          onChange={(value) => props.onChange(name, value as ParamValue<P[typeof name]>)}
        />
      ))}
      {props.children}
    </fieldset>
  );
}
