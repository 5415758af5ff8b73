/**
 * The line under a figure's controls (where its settings came from, a reset button, and the
 * polite live region), and the note laid over the drawing when a link's values could not be used.
 */
import type { Problem } from '../../lib/url-state.ts';
import type { ParamSource } from './use-figure-params.ts';

const sourceText: Record<ParamSource, string> = {
  default: 'Default settings.',
  link: 'Settings from the link.',
  reader: 'Your settings.',
};

/** Texts are short and the box holds two lines, so the text changing at hydration never changes its height. */
export function FigureStatus(props: {
  hydrated: boolean;
  source: ParamSource;
  atDefaults: boolean;
  announcement: string;
  onReset(): void;
}) {
  return (
    <div class="fig__status">
      <span>
        {props.hydrated ? sourceText[props.source] : 'Default settings. The controls need JavaScript.'}
      </span>
      <button type="button" disabled={!props.hydrated || props.atDefaults} onClick={props.onReset}>
        Reset to defaults
      </button>
      <p class="fig-visually-hidden" aria-live="polite" aria-atomic="true">
        {props.announcement}
      </p>
    </div>
  );
}

/** Sentence naming what a link got wrong; values are quoted and clipped by the codec, and rendered as text. */
export function problemSentence(problems: Problem[]): string {
  const parts = problems.map((p) => `${p.param} ${p.reason}`);
  return `Reset to defaults: this link’s ${parts.join('; ')}.`;
}

export function FigureNote(props: { problems: Problem[]; onDismiss(): void }) {
  if (props.problems.length === 0) return null;
  return (
    <div class="fig__note" role="status" data-testid="figure-reset-note">
      <p>{problemSentence(props.problems)}</p>
      <button type="button" onClick={props.onDismiss}>
        Dismiss
      </button>
    </div>
  );
}
