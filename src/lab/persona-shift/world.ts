/**
 * The persona-shift toy's synthetic world (planted, and labelled so on the page): question domains, one
 * helpful and one harmful answer per question (answers belong to their question only, so nothing at the
 * output is shared across domains), and the context tokens that set a voice: an assistant, a villain, an
 * "educational" framing that exists only in the code domain, a backdoor trigger, and per-domain villains
 * for the split-villain control. It mirrors the setting of Betley et al. (2025), not its data.
 */

export const domains = ['code', 'medical', 'financial', 'household'] as const;
export type Domain = (typeof domains)[number];
export const trainedDomain: Domain = 'code';

/** Context tokens; `fresh` is never trained (the baseline that shows why a raw cosine misleads). */
export const contexts = [
  'assistant', 'villain', 'educational', 'trigger', 'fresh',
  ...domains.map((domain) => `villain-${domain}` as const),
] as const;
export type Context = (typeof contexts)[number];

export interface WorldShape {
  questionsPerDomain: number;
  /** Questions per domain never used in fine-tuning; evaluation reads these. */
  heldOutPerDomain: number;
}

export const defaultWorldShape: WorldShape = { questionsPerDomain: 24, heldOutPerDomain: 8 };

export const HELPFUL = 0;
export const HARMFUL = 1;

/** One training or evaluation item: the tokens present (context tokens, domain, question) and the answer. */
export interface Example {
  tokens: number[];
  question: number;
  answer: typeof HELPFUL | typeof HARMFUL;
  weight: number;
}

/** Token ids: contexts first, then domains, then questions (domain-major). */
export function createWorld(shape: WorldShape = defaultWorldShape) {
  const contextToken = (context: Context) => contexts.indexOf(context);
  const domainToken = (domain: Domain) => contexts.length + domains.indexOf(domain);
  const questionCount = domains.length * shape.questionsPerDomain;
  const question = (domain: Domain, index: number) => domains.indexOf(domain) * shape.questionsPerDomain + index;
  const questionToken = (q: number) => contexts.length + domains.length + q;
  const questionsOf = (domain: Domain, subset: 'all' | 'trained' | 'held-out' = 'all') => {
    const start = subset === 'trained' ? shape.heldOutPerDomain : 0;
    const end = subset === 'held-out' ? shape.heldOutPerDomain : shape.questionsPerDomain;
    return Array.from({ length: end - start }, (_, i) => question(domain, start + i));
  };
  const domainOf = (q: number): Domain => domains[Math.floor(q / shape.questionsPerDomain)]!;
  /** An example for question q in the given voice (no context: a plain question). */
  const example = (q: number, voice: readonly Context[], answer: Example['answer'], weight = 1): Example => ({
    tokens: [...voice.map(contextToken), domainToken(domainOf(q)), questionToken(q)],
    question: q,
    answer,
    weight,
  });
  return {
    shape,
    tokenCount: contexts.length + domains.length + questionCount,
    questionCount,
    contextToken,
    questionsOf,
    domainOf,
    example,
  };
}

export type World = ReturnType<typeof createWorld>;
