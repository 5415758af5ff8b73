/**
 * The number formats every figure uses, on screen, in text alternatives and in announcements. One place,
 * so "0.30" in a drawing and "0.30" in its data table are always written the same way.
 */
import { format } from 'd3-format';

/*
 * d3-format writes negative numbers with the typographic minus sign (U+2212), so no figure needs to
 * replace hyphens in them.
 */

/** Two decimals: 0.30, −1.25. */
export const fixed2 = format('.2f');
/** Two decimals with a sign always shown: +0.30, −1.25. */
export const signed2 = format('+.2f');
/** A loss: three significant digits, trailing zeros dropped (0.0123, 1.5). */
export const lossFormat = format('.3~g');
/** A whole number with thousands separators: 10,000. */
export const integer = format(',d');
