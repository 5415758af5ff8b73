/**
 * The embed snippet an educator pastes into a page: an <iframe> of /embed/<id>/ with the current state,
 * plus a few lines that let the iframe set its own height (it posts its height; the listener checks the
 * message's origin and source before resizing).
 */

export const embedHeightMessage = 'grown-not-built:embed-height';

export interface EmbedCodeOptions {
  /** Absolute URL of the embed page, with the figure's state in its query string. */
  src: string;
  title: string;
  /** Starting height in CSS pixels, used until the embedded page reports its own. */
  height: number;
}

function escapeAttribute(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

export function embedCode({ src, title, height }: EmbedCodeOptions): string {
  const origin = new URL(src).origin;
  const iframe =
    `<iframe src="${escapeAttribute(src)}" title="${escapeAttribute(title)}" width="100%" height="${Math.round(height)}"` +
    ` style="border:0;width:100%;max-width:48rem" loading="lazy"></iframe>`;
  const listener =
    `<script>addEventListener("message",function(e){if(e.origin!==${JSON.stringify(origin)}||!e.data||e.data.type!==${JSON.stringify(embedHeightMessage)})return;` +
    `document.querySelectorAll("iframe").forEach(function(f){if(f.contentWindow===e.source)f.style.height=e.data.height+"px"})})</script>`;
  return `${iframe}\n${listener}`;
}
