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

export const kitComponents = { Cite, Term, Figure, LabValue, Aside, Question, DiscussionPrompts, h2: H2, h3: H3 };
