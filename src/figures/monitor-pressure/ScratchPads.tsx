/**
 * Sample episodes of one trained agent: its plan, the scratch pad it wrote (hack words and unseen synonyms
 * marked with a style and named in the key), what it did, whether the tests passed, and the monitor's verdict.
 */
import { Fragment } from 'preact';
import type { ScratchPad } from '../../lab/cot-monitor.ts';
import type { vocabulary } from '../../lab/cot-monitor-task.ts';

type Vocabulary = typeof vocabulary;

export function ScratchPads(props: { title: string; samples: ScratchPad[]; vocabulary: Vocabulary }) {
  const kindOf = (word: string) => props.vocabulary.find((entry) => entry.word === word)?.kind ?? 'neutral';
  return (
    <div class="mp-pads">
      <p class="mp-pads__title">{props.title}</p>
      <ol class="mp-pads__list">
        {props.samples.map((pad, k) => (
          <li key={k} class="mp-pad" data-plan={pad.plan} data-flagged={pad.flagged ? 'true' : 'false'}>
            <span class="mp-pad__plan">{pad.plan === 'hack' ? 'plan: hack' : 'plan: fix'}</span>
            <q class="mp-pad__note">
              {pad.words.map((word, i) => (
                <Fragment key={i}>
                  {i > 0 ? ' ' : null}
                  <span class={`mp-word mp-word--${kindOf(word)}`}>{word}</span>
                </Fragment>
              ))}
            </q>
            <span class="mp-pad__act">
              {pad.editsTests ? 'edits a test file' : 'edits the code'}; tests {pad.passed ? 'pass' : 'fail'}
            </span>
            <span class="mp-pad__verdict">{pad.flagged ? '⚑ flagged' : 'not flagged'}</span>
          </li>
        ))}
      </ol>
    </div>
  );
}
