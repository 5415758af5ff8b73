/**
 * The steering toy's corpus: sentences from a small synthetic grammar (planted, and labelled so on the page).
 * Every sentence is about one of five topics; each topic has its own nouns, verbs and adjectives, and the
 * function words are shared. The lab knows each topic word's topic; the language model never sees it.
 *
 * The grammar is a list of templates, each a list of slots; a slot is a word class (a topic's class or a
 * shared list) and may be optional. It is small enough to enumerate: the exact probability of every sentence,
 * the set of legal word pairs and the grammar's own entropy per token come from enumeration, not sampling.
 */

import type { Random } from '../random.ts';

export const topics = ['bridges', 'cooking', 'weather', 'sport', 'music'] as const;
export type Topic = (typeof topics)[number];

const topicWords: Record<Topic, { noun: string[]; verb: string[]; adjective: string[] }> = {
  bridges: { noun: ['bridge', 'river', 'tower', 'cable'], verb: ['spans', 'crosses'], adjective: ['steel', 'long'] },
  cooking: { noun: ['soup', 'bread', 'oven', 'pan'], verb: ['bakes', 'stirs'], adjective: ['warm', 'salty'] },
  weather: { noun: ['rain', 'wind', 'cloud', 'storm'], verb: ['soaks', 'chills'], adjective: ['cold', 'grey'] },
  sport: { noun: ['team', 'ball', 'goal', 'coach'], verb: ['kicks', 'wins'], adjective: ['fast', 'tired'] },
  music: { noun: ['song', 'drum', 'choir', 'piano'], verb: ['plays', 'hums'], adjective: ['loud', 'soft'] },
};

const shared = {
  determiner: ['the', 'a', 'this', 'every'],
  copula: ['is', 'was'],
  intensifier: ['very', 'quite'],
  time: ['today', 'again', 'then'],
  and: ['and'],
} as const;

type WordClass = 'noun' | 'verb' | 'adjective' | keyof typeof shared;
interface Slot { class: WordClass; optional?: boolean }

/** Templates with their probabilities; an optional slot is filled with probability ½. */
const templates: { p: number; slots: Slot[] }[] = [
  { p: 0.4, slots: [{ class: 'determiner' }, { class: 'adjective', optional: true }, { class: 'noun' }, { class: 'verb' }, { class: 'determiner' }, { class: 'adjective', optional: true }, { class: 'noun' }, { class: 'time', optional: true }] },
  { p: 0.3, slots: [{ class: 'determiner' }, { class: 'noun' }, { class: 'copula' }, { class: 'intensifier', optional: true }, { class: 'adjective' }, { class: 'time', optional: true }] },
  { p: 0.3, slots: [{ class: 'determiner' }, { class: 'noun' }, { class: 'verb' }, { class: 'determiner' }, { class: 'noun' }, { class: 'and' }, { class: 'determiner' }, { class: 'noun' }] },
];

export const BOS = '<s>';
export const EOS = '.';

/** Vocabulary: the start token, the end of sentence, shared words, then each topic's words. */
export const vocabulary: readonly string[] = [
  BOS, EOS,
  ...Object.values(shared).flat(),
  ...topics.flatMap((topic) => [...topicWords[topic].noun, ...topicWords[topic].verb, ...topicWords[topic].adjective]),
];
export const tokenOf = new Map(vocabulary.map((word, index) => [word, index]));
export const BOS_TOKEN = tokenOf.get(BOS)!;
export const EOS_TOKEN = tokenOf.get(EOS)!;

/** Topic of each token (undefined for shared words and the two markers). */
export const topicOfToken: readonly (Topic | undefined)[] = vocabulary.map((word) =>
  topics.find((topic) => Object.values(topicWords[topic]).some((list) => list.includes(word))),
);

function wordsOf(wordClass: WordClass, topic: Topic): readonly string[] {
  return wordClass === 'noun' || wordClass === 'verb' || wordClass === 'adjective' ? topicWords[topic][wordClass] : shared[wordClass];
}

export interface Sentence {
  topic: Topic;
  /** Token ids, ending with EOS (no BOS). */
  tokens: number[];
}

export function sampleSentence(random: Random): Sentence {
  const topic = topics[Math.floor(random.uniform() * topics.length)]!;
  let u = random.uniform();
  const template = templates.find((candidate) => (u -= candidate.p) < 0) ?? templates.at(-1)!;
  const tokens: number[] = [];
  for (const slot of template.slots) {
    if (slot.optional && random.uniform() < 0.5) continue;
    const words = wordsOf(slot.class, topic);
    tokens.push(tokenOf.get(words[Math.floor(random.uniform() * words.length)]!)!);
  }
  tokens.push(EOS_TOKEN);
  return { topic, tokens };
}

/**
 * Every sentence of the grammar with its probability (about 40,000 of them), folded into what the lab needs:
 * the legal word pairs (including BOS → first word and last word → EOS) and the entropy of the grammar in nats
 * per predicted token (EOS included), the floor for any next-token model's loss.
 */
export function enumerateGrammar(): { legalPairs: Set<number>; entropyPerToken: number } {
  const legalPairs = new Set<number>();
  const vocab = vocabulary.length;
  let entropy = 0;
  let expectedLength = 0;
  for (const topic of topics) {
    for (const template of templates) {
      const walk = (slot: number, previous: number, p: number, length: number) => {
        if (slot === template.slots.length) {
          legalPairs.add(previous * vocab + EOS_TOKEN);
          const probability = p / topics.length;
          entropy -= probability * Math.log(probability);
          expectedLength += probability * (length + 1);
          return;
        }
        const current = template.slots[slot]!;
        const fill = current.optional ? 0.5 : 1;
        if (current.optional) walk(slot + 1, previous, p * 0.5, length);
        const words = wordsOf(current.class, topic);
        for (const word of words) {
          const token = tokenOf.get(word)!;
          legalPairs.add(previous * vocab + token);
          walk(slot + 1, token, (p * fill) / words.length, length + 1);
        }
      };
      walk(0, BOS_TOKEN, template.p, 0);
    }
  }
  return { legalPairs, entropyPerToken: entropy / expectedLength };
}
