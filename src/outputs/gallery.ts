// index.html: a gallery that opens from disk (relative links, inline CSS, no scripts), every data string escaped.
import { createAtomicStream, type AtomicStream } from './atomic-write.js';
import { byPosition, type Outcome, type RenderedOutcome } from './outcome.js';

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ESCAPES[c]);
}

/** A relative URL for a file in the same folder; names are ours, but encode anyway so no name can break out. */
function href(file: string): string {
  return encodeURIComponent(file);
}

const CSS = `
body{font-family:system-ui,sans-serif;margin:1.5rem;background:#f6f6f4;color:#222}
h1{font-size:1.3rem;margin:0 0 .3rem}
main{display:flex;flex-direction:column}
.meta{color:#555;margin:0 0 1rem;order:-2}
.grid{display:grid;grid-template-columns:repeat(auto-fill,minmax(300px,1fr));gap:1rem}
.card{background:#fff;border:1px solid #ddd;border-radius:6px;padding:.6rem;overflow:hidden}
.card img{width:100%;height:220px;object-fit:contain;background:#eee;display:block}
.id{font-family:ui-monospace,monospace;font-size:.85rem;color:#555}
.expr{font-weight:600;margin:.35rem 0;overflow-wrap:anywhere}
.counts span{margin-right:.6rem}
.badge{display:inline-block;padding:0 .45rem;border-radius:999px;font-size:.8rem;color:#fff}
.ok{background:#2e7d32}.bad{background:#c62828}.rej{background:#6d4c41}
details{font-size:.85rem;color:#8a5a00}
.failed{order:-1}
.failed li{font-family:ui-monospace,monospace;font-size:.85rem;overflow-wrap:anywhere}
`;

function card(outcome: RenderedOutcome): string {
  const r = outcome.record;
  const c = outcome.verdictCounts;
  const expressions = r.expressions.length ? r.expressions.map((e) => escapeHtml(e)).join('<br>') : '<em>(no expression)</em>';
  const badge = r.consistent ? '<span class="badge ok">consistent</span>' : '<span class="badge bad">inconsistent</span>';
  const rejection = r.rejection ? ' <span class="badge rej">rejection</span>' : '';
  const warnings = r.warnings.length
    ? `<details><summary>${r.warnings.length} warning${r.warnings.length === 1 ? '' : 's'}</summary><ul>${r.warnings.map((w) => `<li>${escapeHtml(w)}</li>`).join('')}</ul></details>`
    : '';
  return `<div class="card">
<a href="${href(outcome.file)}"><img src="${href(outcome.file)}" loading="lazy" alt="${escapeHtml(`${r.split} sample ${r.index}`)}"></a>
<div class="id">${escapeHtml(r.split)} #${r.index} · ${r.candidates.length} candidates · key ${escapeHtml(r.imageKey)}</div>
<div class="expr">${expressions}</div>
<div class="counts"><span>✅ ${c['✅']}</span><span>❌ ${c['❌']}</span><span>⚠️ ${c['⚠️']}</span>${c.none ? `<span>no mark ${c.none}</span>` : ''}${badge}${rejection}</div>
${warnings}</div>`;
}

export interface GalleryCounts {
  rendered: number;
  inconsistent: number;
  failed: number;
}

const TITLE = 'HumanRef-CoT samples';

export function galleryHead(): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${TITLE}</title>
<style>${CSS}</style>
</head>
<body>
<h1>${TITLE}</h1>
<main>
<div class="grid">
`;
}

export function galleryItem(outcome: Outcome): string {
  return outcome.status === 'rendered' ? `${card(outcome)}\n` : '';
}

/** The counts come last in the file (they are known only then); CSS shows them under the title. */
export function galleryFoot(counts: GalleryCounts, failures: readonly { split: string; index: number; error: string }[]): string {
  const failedList = failures.length
    ? `<section class="failed"><h2>Failed (${counts.failed})</h2><ul>${failures.map((f) => `<li>${escapeHtml(f.split)} #${f.index}: ${escapeHtml(f.error)}</li>`).join('')}</ul>${
        counts.failed > failures.length ? `<p>... and ${counts.failed - failures.length} more in manifest.csv</p>` : ''
      }</section>`
    : '';
  return `</div>
${failedList}
<p class="meta">${counts.rendered} rendered · ${counts.inconsistent} inconsistent · ${counts.failed} failed · details in <a href="manifest.csv">manifest.csv</a></p>
</main>
</body>
</html>
`;
}

/** The whole page at once (tests and small runs). */
export function galleryHtml(outcomes: readonly Outcome[]): string {
  const sorted = [...outcomes].sort(byPosition);
  const failures = sorted.flatMap((o) => (o.status === 'failed' ? [o] : []));
  const rendered = sorted.filter((o): o is RenderedOutcome => o.status === 'rendered');
  const counts = { rendered: rendered.length, inconsistent: rendered.filter((o) => !o.record.consistent).length, failed: failures.length };
  return galleryHead() + sorted.map(galleryItem).join('') + galleryFoot(counts, failures);
}

/** Streams cards as outcomes arrive (in selection order); the page appears on `commit`. */
export class GalleryWriter {
  private constructor(private readonly out: AtomicStream) {}

  static async open(dir: string): Promise<GalleryWriter> {
    const writer = new GalleryWriter(createAtomicStream(dir, 'index.html'));
    await writer.out.write(galleryHead());
    return writer;
  }

  async add(outcome: Outcome): Promise<void> {
    const html = galleryItem(outcome);
    if (html) await this.out.write(html);
  }

  async commit(counts: GalleryCounts, failures: readonly { split: string; index: number; error: string }[]): Promise<string> {
    await this.out.write(galleryFoot(counts, failures));
    return this.out.commit();
  }

  abort(): Promise<void> {
    return this.out.abort();
  }
}
