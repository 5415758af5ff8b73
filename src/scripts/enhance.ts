/**
 * The site's one enhancement module (deferred, no framework). Every feature here upgrades markup
 * that already works without JavaScript: links stay links, sections stay open.
 */
import { THEME_STORAGE_KEY } from '../lib/reading/theme-script.ts';
import { bibValue } from '../lib/reading/citation-format.ts';
import { SECTION_SLOTS } from '../lib/reading/section-slots.ts';

const root = document.documentElement;
const $$ = <T extends Element>(sel: string, scope: ParentNode = document) => [...scope.querySelectorAll<T>(sel)];

/* ---- Theme: system → light → dark ---- */
const THEMES = ['system', 'light', 'dark'] as const;
for (const button of $$<HTMLButtonElement>('[data-theme-toggle]')) {
  const label = button.querySelector('[data-theme-label]') as HTMLElement;
  const show = () => (label.textContent = root.dataset.theme ?? 'system');
  button.hidden = false;
  show();
  button.addEventListener('click', () => {
    const next = THEMES[(THEMES.indexOf((root.dataset.theme ?? 'system') as (typeof THEMES)[number]) + 1) % 3] as string;
    try {
      if (next === 'system') localStorage.removeItem(THEME_STORAGE_KEY);
      else localStorage.setItem(THEME_STORAGE_KEY, next);
    } catch {}
    if (next === 'system') delete root.dataset.theme;
    else root.dataset.theme = next;
    show();
  });
}

/* ---- Placement: CSS anchor positioning, one anchor name moved to whatever opened a popover (see components.css) ---- */
const anchorTo = (el: HTMLElement) => {
  document.querySelector<HTMLElement>('[style*=anchor-name]')?.style.removeProperty('anchor-name');
  el.style.setProperty('anchor-name', '--opener');
};

/* ---- One popover for every citation and term, filled from the page: the reference list entry or the term's definition ---- */
const pop = document.createElement('div');
pop.className = 'popover';
pop.popover = 'auto';
document.body.append(pop);
const triggerOf = (e: Event) => (e.target as Element).closest?.<HTMLAnchorElement>('a.cite-ref, a.term');
const link = (href: string, text: string) => Object.assign(document.createElement('a'), { href, textContent: text });
let trigger: HTMLAnchorElement | undefined;
let pinned = false;
let quiet = false;
let hideTimer = 0;
const show = (a: HTMLAnchorElement, pin = false) => {
  clearTimeout(hideTimer);
  const description = document.getElementById(a.getAttribute('aria-describedby') as string);
  if (!description) return false;
  if (a !== trigger) {
    const cite = a.matches('.cite-ref');
    const source = cite && description.parentElement?.querySelector<HTMLAnchorElement>('a[href^=http]');
    const links = document.createElement('span');
    links.className = 'popover-links';
    links.append(link(a.href, cite ? 'In the reference list' : 'Glossary entry'), ...(source ? [link(source.href, 'Read the source')] : []));
    pop.replaceChildren(...[...description.cloneNode(true).childNodes], links);
    trigger?.setAttribute('aria-expanded', 'false');
    trigger = a;
    pinned = false;
  }
  pinned ||= pin;
  if (!pop.matches(':popover-open')) pop.showPopover();
  a.setAttribute('aria-expanded', 'true');
  anchorTo(a);
  return true;
};
const later = () => {
  clearTimeout(hideTimer);
  hideTimer = window.setTimeout(() => !pinned && !pop.matches(':hover,:focus-within') && !trigger?.matches(':hover,:focus-visible') && pop.hidePopover(), 250);
};
// Closing with focus inside (Escape, Tab out, light dismiss) hands focus back to the trigger. The browser may
// first move focus to whatever was focused when the popover opened: that must not reopen it mid-close.
let restore = false;
pop.addEventListener('beforetoggle', (e) => {
  quiet = e.newState === 'closed';
  restore = quiet && pop.contains(document.activeElement);
});
pop.addEventListener('toggle', (e) => {
  if (e.newState === 'closed' && trigger) {
    trigger.setAttribute('aria-expanded', 'false');
    pinned = false;
    if (restore) trigger.focus();
  }
  quiet = false;
});
// The popover's links are reached with Enter, not in the page's Tab order: tabbing past either end leaves it.
pop.addEventListener('keydown', (e) => {
  const links = pop.querySelectorAll('a');
  if (e.key === 'Tab' && document.activeElement === links[e.shiftKey ? 0 : links.length - 1]) {
    e.preventDefault();
    pop.hidePopover();
  }
});
addEventListener('pointerover', (e) => {
  const a = triggerOf(e);
  if (a && e.pointerType === 'mouse') show(a);
});
addEventListener('pointerout', (e) => (triggerOf(e) || pop.contains(e.target as Node)) && later());
addEventListener('focusin', (e) => {
  const a = triggerOf(e);
  if (a && !quiet && a.matches(':focus-visible')) show(a);
});
addEventListener('focusout', (e) => (triggerOf(e) || pop.contains(e.target as Node)) && later());
// Light dismiss closes the popover before the click on its own trigger: remember it was open.
let wasOpen = false;
addEventListener('pointerdown', (e) => (wasOpen = triggerOf(e) === trigger && pinned && pop.matches(':popover-open')));
addEventListener('click', (e) => {
  const a = triggerOf(e);
  if (!a) return;
  const keyboard = e.detail === 0;
  if (wasOpen && !keyboard) pop.hidePopover();
  else if (show(a, true) && keyboard) pop.querySelector('a')?.focus();
  else if (!pop.matches(':popover-open')) return; // no description on this page: the link just works
  e.preventDefault();
  wasOpen = false;
});

/* ---- The one section menu: it remembers which heading's button opened it ---- */
const menu = document.getElementById('section-menu');
let section: HTMLElement | undefined;
addEventListener('click', (e) => {
  const button = (e.target as Element).closest?.<HTMLElement>('.section-menu-button');
  if (button) anchorTo((section = button));
});
menu?.addEventListener('toggle', () => ((menu.querySelector('[role=status]') as HTMLElement).textContent = ''));

/* ---- Copy buttons: section link, citation and BibTeX, "cite this page" — all with this page's origin ---- */
const canonical = new URL(document.querySelector<HTMLLinkElement>('link[rel=canonical]')?.href ?? location.href).origin;
document.addEventListener('click', async (e) => {
  const button = (e.target as Element).closest<HTMLButtonElement>('button[data-copy]');
  if (!button) return;
  const status = button.closest('[data-copy-scope]')?.querySelector('[role=status]');
  let text = button.dataset.copy as string;
  if (text.startsWith('#')) text = document.querySelector(text)?.textContent ?? '';
  const bib = text.startsWith('@');
  text = text
    .replaceAll(canonical, location.origin)
    .replace(/(urldate = \{)[^}]*/, `$1${new Date().toISOString().slice(0, 10)}`)
    .replaceAll(SECTION_SLOTS.anchor, section?.closest('.heading')?.id ?? '')
    .replaceAll(SECTION_SLOTS.title, (bib ? bibValue : String)(section?.dataset.section ?? ''));
  try {
    await navigator.clipboard.writeText(text);
    if (status) status.textContent = 'Copied.';
  } catch {
    if (status) status.textContent = text;
  }
});

/* ---- Table of contents follows the reader ---- */
const tocLinks = $$<HTMLAnchorElement>('.toc a[href^="#"]');
const sections = tocLinks.map((a) => document.getElementById(decodeURIComponent(a.hash.slice(1)))).filter((h): h is HTMLElement => !!h);
let frame = 0;
const mark = () => {
  frame = 0;
  const offset = innerHeight * 0.3;
  let current = sections[0];
  for (const h of sections) if (h.getBoundingClientRect().top < offset) current = h;
  for (const a of tocLinks) {
    if (a.hash === `#${current?.id}`) a.setAttribute('aria-current', 'true');
    else a.removeAttribute('aria-current');
  }
};
if (sections.length) {
  addEventListener('scroll', () => (frame ||= requestAnimationFrame(mark)), { passive: true });
  mark();
}
if (innerWidth < 1216) for (const d of $$<HTMLDetailsElement>('details.toc-details')) d.open = false;

/* ---- "/" jumps to search ---- */
addEventListener('keydown', (e) => {
  if (e.key !== '/' || e.ctrlKey || e.metaKey || e.altKey) return;
  const t = e.target as HTMLElement;
  if (t.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(t.tagName)) return;
  e.preventDefault();
  const input = document.querySelector<HTMLInputElement>('.pagefind-ui__search-input');
  if (input) input.focus();
  else location.href = `${import.meta.env.BASE_URL}search/#search`;
});
