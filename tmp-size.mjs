import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
const html = readFileSync(process.argv[2], 'utf8');
const gz = (s) => gzipSync(s, { level: 9 }).length;
console.log('total', html.length, gz(html));
const parts = {
  head: /<head>[\s\S]*?<\/head>/,
  island: /<astro-island[\s\S]*?<\/astro-island>/g,
  svg: /<svg[\s\S]*?<\/svg>/g,
  scripts: /<script[\s\S]*?<\/script>/g,
  style: /<style[\s\S]*?<\/style>/g,
  math: /<math[\s\S]*?<\/math>/g,
  aside: /<aside[\s\S]*?<\/aside>/g,
  nav: /<nav[\s\S]*?<\/nav>/g,
  footer: /<footer[\s\S]*?<\/footer>/g,
  dialogs: /<dialog[\s\S]*?<\/dialog>/g,
  template: /<template[\s\S]*?<\/template>/g,
  refs: /<section[^>]*(references|bibliography)[\s\S]*?<\/section>/g,
};
for (const [k, re] of Object.entries(parts)) {
  const m = html.match(re) ?? [];
  const s = m.join('');
  const rest = html.replace(re, '');
  console.log(k.padEnd(10), m.length, s.length, 'gz alone', gz(s), 'total without', gz(rest), 'saves', gz(html) - gz(rest));
}
const text = html.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ');
console.log('text only', text.length, gz(text));
