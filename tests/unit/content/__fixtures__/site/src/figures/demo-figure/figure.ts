export const figure = { id: 'demo-figure' };
