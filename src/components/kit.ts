/**
 * The MDX authoring kit, as handed to <Content components={…} />. Authors never import these.
 * Figure belongs to the figure engineer; until src/components/Figure.astro exists, a placeholder renders.
 */
import type { AstroComponentFactory } from 'astro/runtime/server/index.js';
import Cite from './Cite.astro';
import Term from './Term.astro';
import Aside from './Aside.astro';
import Question from './Question.astro';
import DiscussionPrompts from './DiscussionPrompts.astro';
import H2 from './H2.astro';
import H3 from './H3.astro';
import MissingFigure from './MissingFigure.astro';

const figureModule = Object.values(import.meta.glob<{ default: AstroComponentFactory }>('./Figure.astro', { eager: true }))[0];
export const Figure = figureModule?.default ?? MissingFigure;

export const kitComponents = { Cite, Term, Figure, Aside, Question, DiscussionPrompts, h2: H2, h3: H3 };
