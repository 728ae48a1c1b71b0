// index.html: a gallery that opens from disk (relative links, inline CSS, no scripts), every data string escaped.
import { writeFileAtomic } from './atomic-write.js';
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
.meta{color:#555;margin:0 0 1rem}
.grid{display:grid;grid-template-columns:repeat(auto-fill,minmax(300px,1fr));gap:1rem}
.card{background:#fff;border:1px solid #ddd;border-radius:6px;padding:.6rem;overflow:hidden}
.card img{width:100%;height:220px;object-fit:contain;background:#eee;display:block}
.id{font-family:ui-monospace,monospace;font-size:.85rem;color:#555}
.expr{font-weight:600;margin:.35rem 0;overflow-wrap:anywhere}
.counts span{margin-right:.6rem}
.badge{display:inline-block;padding:0 .45rem;border-radius:999px;font-size:.8rem;color:#fff}
.ok{background:#2e7d32}.bad{background:#c62828}.rej{background:#6d4c41}
details{font-size:.85rem;color:#8a5a00}
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

export function galleryHtml(outcomes: readonly Outcome[], title = 'HumanRef-CoT samples'): string {
  const sorted = [...outcomes].sort(byPosition);
  const rendered = sorted.filter((o): o is RenderedOutcome => o.status === 'rendered');
  const failed = sorted.filter((o) => o.status === 'failed');
  const inconsistent = rendered.filter((o) => !o.record.consistent).length;
  const failedList = failed.length
    ? `<h2>Failed (${failed.length})</h2><ul class="failed">${failed
        .map((o) => (o.status === 'failed' ? `<li>${escapeHtml(o.split)} #${o.index}: ${escapeHtml(o.error)}</li>` : ''))
        .join('')}</ul>`
    : '';
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title>
<style>${CSS}</style>
</head>
<body>
<h1>${escapeHtml(title)}</h1>
<p class="meta">${rendered.length} rendered · ${inconsistent} inconsistent · ${failed.length} failed · details in <a href="manifest.csv">manifest.csv</a></p>
<div class="grid">
${rendered.map(card).join('\n')}
</div>
${failedList}
</body>
</html>
`;
}

export async function writeGallery(dir: string, outcomes: readonly Outcome[]): Promise<string> {
  return writeFileAtomic(dir, 'index.html', galleryHtml(outcomes));
}
