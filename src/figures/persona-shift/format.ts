/** The figure's one extra format: a rate as a whole percentage (0.62 → "62%"), on screen and in its text alternative. */
import { format } from 'd3-format';

export const percent = format('.0%');
