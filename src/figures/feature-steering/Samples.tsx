/**
 * Sample continuations: each topic word coloured by its planted topic and also marked with the topic's initial
 * and an underline, so the topic never rests on colour alone.
 */
import type { TopicWord } from '../../lab/steering/model.ts';
import { EOS, topics, type Topic } from '../../lab/steering/grammar.ts';

export const topicInitial: Record<Topic, string> = { bridges: 'B', cooking: 'C', weather: 'W', sport: 'S', music: 'M' };

function Word({ word }: { word: TopicWord }) {
  if (!word.topic) return <span class="fs-word">{word.word}</span>;
  return (
    <span class={`fs-word fs-word--topic fs-topic--${word.topic}`}>
      {word.word}
      <sub class="fs-word__mark" aria-hidden="true">{topicInitial[word.topic]}</sub>
      <span class="fig-visually-hidden"> ({word.topic})</span>
    </span>
  );
}

/** A sentence's words; one that is only the full stop says so, as a bare "." reads like a missing sample. */
function Sentence({ sentence }: { sentence: TopicWord[] }) {
  if (sentence.length === 1 && sentence[0]?.word === EOS) return <span class="fs-samples__stop">{EOS} (the model ends the sentence at once)</span>;
  return (
    <>
      {sentence.map((word, j) => (
        <>
          {j > 0 ? ' ' : null}
          <Word key={j} word={word} />
        </>
      ))}
    </>
  );
}

export function SampleList({ heading, sentences }: { heading: string; sentences: TopicWord[][] }) {
  return (
    <div class="fs-samples">
      <p class="fig-subtitle fs-samples__heading">{heading}</p>
      <ol class="fs-samples__list">
        {sentences.map((sentence, k) => (
          <li key={k}>
            <Sentence sentence={sentence} />
          </li>
        ))}
      </ol>
    </div>
  );
}

export function TopicKey() {
  return (
    <span class="fs-key">
      {topics.map((topic) => (
        <span key={topic} class={`fs-word fs-word--topic fs-topic--${topic}`}>
          {topic}
          <sub class="fs-word__mark" aria-hidden="true">{topicInitial[topic]}</sub>{' '}
        </span>
      ))}
    </span>
  );
}
