/** The clamped latent's profile: where it fires most, how well it separates bridge sentences and words, and what it raises. */
import type { LatentSummary } from '../../lab/steering/model.ts';
import { fixed2 } from '../shared/format.ts';

export function LatentProfile({ latent, title }: { latent: LatentSummary; title: string }) {
  return (
    <div class="fs-profile">
      <p class="fig-subtitle">{title}: latent {latent.latent}</p>
      <dl class="fs-profile__stats">
        <div><dt>Sentence AUROC</dt><dd>{fixed2(latent.sentenceAuroc)}</dd></div>
        <div><dt>Token AUROC</dt><dd>{fixed2(latent.tokenAuroc)}</dd></div>
        <div><dt>Largest activation</dt><dd>{fixed2(latent.maxActivation)}</dd></div>
      </dl>
      <p class="fs-profile__caption">Where it fires most (the model’s last four words → the next word, activation):</p>
      <ol class="fs-profile__contexts">
        {latent.topContexts.map((c, k) => (
          <li key={k}>
            {c.words.join(' ')} → <strong>{c.next}</strong> <span class="fs-profile__activation">{fixed2(c.activation)}</span>
          </li>
        ))}
      </ol>
      <p class="fs-profile__boosted">
        Words its decoder direction raises most: {latent.topBoosted.map((b) => `${b.word} (+${fixed2(b.effect)})`).join(', ')}
      </p>
    </div>
  );
}
