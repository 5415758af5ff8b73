/**
 * The MDX authoring kit, as handed to <Content components={…} />. Authors never import these.
 */
import Cite from './Cite.astro';
import Term from './Term.astro';
import Aside from './Aside.astro';
import Question from './Question.astro';
import DiscussionPrompts from './DiscussionPrompts.astro';
import H2 from './H2.astro';
import H3 from './H3.astro';
import Figure from './Figure.astro';
import LabValue from './LabValue.astro';
import type { kitElementOverrides } from './element-overrides.ts';

// Components for HTML elements go here, with their names in element-overrides.ts: the type holds the two together.
const elements: Record<(typeof kitElementOverrides)[number], typeof H2> = { h2: H2, h3: H3 };

export const kitComponents = { Cite, Term, Figure, LabValue, Aside, Question, DiscussionPrompts, ...elements };
