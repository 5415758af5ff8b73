/**
 * The site's one enhancement module (deferred, no framework). Every feature here upgrades markup
 * that already works without JavaScript: links stay links, sections stay open.
 */
import { THEME_STORAGE_KEY } from '../lib/reading/theme-script.ts';

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

/* ---- Popovers for citations and terms: hover, focus, tap, Enter, Escape ---- */
const place = (trigger: HTMLElement, pop: HTMLElement) => {
  const r = trigger.getClientRects()[0] ?? trigger.getBoundingClientRect();
  const w = pop.offsetWidth;
  const h = pop.offsetHeight;
  const left = Math.max(8, Math.min(r.left, innerWidth - w - 8));
  const below = r.bottom + 6;
  pop.style.left = `${left}px`;
  pop.style.top = `${below + h > innerHeight - 8 && r.top - h - 6 > 8 ? r.top - h - 6 : below}px`;
};
let hideTimer = 0;
for (const trigger of $$<HTMLAnchorElement>('a[data-popover]')) {
  const pop = document.getElementById(trigger.dataset.popover as string);
  if (!pop?.showPopover) continue;
  let pinned = false;
  trigger.setAttribute('aria-expanded', 'false');
  trigger.setAttribute('aria-controls', pop.id);
  const open = () => {
    clearTimeout(hideTimer);
    if (!pop.matches(':popover-open')) pop.showPopover();
    place(trigger, pop);
  };
  const close = () => pop.matches(':popover-open') && pop.hidePopover();
  const later = () => {
    clearTimeout(hideTimer);
    hideTimer = window.setTimeout(() => !pinned && !pop.matches(':hover,:focus-within') && !trigger.matches(':hover,:focus-visible') && close(), 250);
  };
  // Closing with focus inside (Escape, light dismiss) hands focus back to the trigger.
  let restore = false;
  pop.addEventListener('beforetoggle', (e) => (restore = (e as ToggleEvent).newState === 'closed' && pop.contains(document.activeElement)));
  pop.addEventListener('toggle', (e) => {
    const isOpen = (e as ToggleEvent).newState === 'open';
    trigger.setAttribute('aria-expanded', String(isOpen));
    if (!isOpen) {
      pinned = false;
      if (restore) trigger.focus();
    }
  });
  trigger.addEventListener('pointerenter', (e) => e.pointerType === 'mouse' && open());
  trigger.addEventListener('pointerleave', later);
  pop.addEventListener('pointerleave', later);
  trigger.addEventListener('focus', () => trigger.matches(':focus-visible') && open());
  trigger.addEventListener('blur', later);
  pop.addEventListener('focusout', later);
  // Light dismiss would close the popover before the click on its own trigger: remember it was open.
  let wasOpen = false;
  trigger.addEventListener('pointerdown', () => (wasOpen = pop.matches(':popover-open')));
  trigger.addEventListener('click', (e) => {
    e.preventDefault();
    const keyboard = e.detail === 0;
    if (keyboard || !(wasOpen && pinned)) {
      pinned = true;
      open();
      if (keyboard) (pop.querySelector('a') ?? pop).focus();
    } else close();
    wasOpen = false;
  });
}

/* ---- Copy buttons: section link, section citation, "cite this page" ---- */
document.addEventListener('click', async (e) => {
  const button = (e.target as Element).closest<HTMLButtonElement>('button[data-copy]');
  if (!button) return;
  const status = button.closest('[data-copy-scope]')?.querySelector('[role=status]');
  let text = button.dataset.copy as string;
  if (text.startsWith('#')) text = document.querySelector(text)?.textContent ?? '';
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
