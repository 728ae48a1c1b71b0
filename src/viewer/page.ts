// index.html of the viewer: markup, style, the ✅ ❌ ⚠️ marks as inline SVG (no emoji font needed), and the script.
import { readFileSync } from 'node:fs';
import { toolInfo } from '../version.js';

/**
 * The page script, bundled from client/ by `npm run build` (client/vite.config.mjs). The same path from
 * src/viewer/ and dist/viewer/, so tests running the sources use the built bundle too.
 */
const SCRIPT_FILE = new URL('../../dist/viewer/page-script.js', import.meta.url);
let script: string | undefined;

function pageScript(): string {
  if (script === undefined) {
    let text: string;
    try {
      text = readFileSync(SCRIPT_FILE, 'utf8');
    } catch (error) {
      throw new Error(`the viewer's page script ${SCRIPT_FILE.pathname} cannot be read (${(error as NodeJS.ErrnoException).code ?? String(error)}): run \`npm run build\` in the package folder`);
    }
    // Inlined in a <script> element: a `</script` in it (in a string or comment) would end the element early;
    // `<\/` means the same inside a string, a template, a regular expression or a comment.
    script = text.replace(/<\/(script)/gi, '<\\/$1');
  }
  return script;
}

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => ESCAPES[c]);

/**
 * The marks drawn as vector pictures in the colours of the bundled Noto Color Emoji (green square with a white
 * check, red cross, amber triangle with a dark "!"), so they are never tofu, whatever fonts the machine has.
 */
export const MARK_SVGS = {
  ok: '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32"><rect x="2" y="2" width="28" height="28" rx="6" fill="#43a047"/><path d="M8.5 16.5l5 5L24 11" fill="none" stroke="#fff" stroke-width="4.2" stroke-linecap="round" stroke-linejoin="round"/></svg>',
  no: '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32"><path d="M7 7L25 25M25 7L7 25" stroke="#f44336" stroke-width="6.5" stroke-linecap="round"/></svg>',
  warn: '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32"><path d="M16 3.5L30 28H2z" fill="#ffc107" stroke="#ffc107" stroke-width="3" stroke-linejoin="round"/><rect x="14.2" y="11" width="3.6" height="10" rx="1.8" fill="#3d3d3d"/><circle cx="16" cy="24.4" r="2" fill="#3d3d3d"/></svg>',
} as const;

/** The review's marks (white on the badge's colour): accepted, rejected, a note. Shapes unlike ✅ ❌ on purpose. */
export const REVIEW_SVGS = {
  accepted: '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32"><circle cx="16" cy="16" r="13" fill="none" stroke="#fff" stroke-width="3.5"/><path d="M10 16.5l4 4 8-9" fill="none" stroke="#fff" stroke-width="3.5" stroke-linecap="round" stroke-linejoin="round"/></svg>',
  rejected: '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32"><circle cx="16" cy="16" r="13" fill="none" stroke="#fff" stroke-width="3.5"/><path d="M7 25L25 7" stroke="#fff" stroke-width="3.5"/></svg>',
  unreviewed: '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32"><circle cx="16" cy="16" r="13" fill="none" stroke="#59636e" stroke-width="3" stroke-dasharray="5 4"/></svg>',
  note: '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32"><path d="M5 6h22v15H13l-6 6v-6H5z" fill="#fff"/><path d="M9 11h14M9 16h10" stroke="#57606a" stroke-width="2.4"/></svg>',
} as const;

const markCss = (cls: string, svg: string) => `.${cls}{background-image:url("data:image/svg+xml,${encodeURIComponent(svg)}")}`;

const CSS = `
:root{--ink:#1f2328;--muted:#59636e;--rule:#d0d7de;--bg:#f6f6f4}
*{box-sizing:border-box}
body{font-family:system-ui,"DejaVu Sans",sans-serif;margin:0;background:var(--bg);color:var(--ink)}
#top{padding:.7rem 1rem .3rem;display:flex;flex-wrap:wrap;gap:.4rem 1.2rem;align-items:baseline}
h1{font-size:1.25rem;margin:0}
.legend{color:var(--muted);font-size:.9rem}
.legend .mk{margin-left:.5rem}
#runs{flex-basis:100%;font-size:.85rem;color:var(--muted)}
#runs summary{cursor:pointer}
#runs dl{display:grid;grid-template-columns:max-content 1fr;gap:.1rem .8rem;margin:.3rem 0 .6rem 1rem}
#runs dt{font-weight:600}#runs dd{margin:0;font-family:ui-monospace,monospace;overflow-wrap:anywhere}
#runs .run-no{grid-column:1/3;color:var(--ink)}
#controls{position:sticky;top:0;z-index:5;background:var(--bg);border-bottom:1px solid var(--rule);padding:.5rem 1rem;display:flex;flex-wrap:wrap;gap:.5rem 1rem;align-items:center}
#q{flex:1 1 14rem;font-size:1rem;padding:.35rem .5rem;border:1px solid var(--rule);border-radius:6px}
#kinds{display:flex;gap:.7rem;flex-wrap:wrap}
.kind{white-space:nowrap;font-size:.92rem}
#min,#max{width:4.2rem}
#controls select,#controls button{font-size:.92rem}
#count{font-weight:600;white-space:nowrap;min-width:7.5em}
#empty{padding:1rem;color:var(--muted)}
#grid{position:relative;margin:1rem}
.card{position:absolute;left:0;top:0;height:352px;display:flex;flex-direction:column;gap:.25rem;background:#fff;border:1px solid #ddd;border-radius:6px;padding:.55rem;overflow:hidden;color:inherit;text-decoration:none}
.card:hover,.card:focus{border-color:#0969da;outline:none;box-shadow:0 0 0 2px #0969da33}
.thumb{width:100%;height:200px;flex:none;object-fit:contain;background:#eee;display:block}
.nothumb{display:flex;align-items:center;justify-content:center;color:#c62828;font-weight:600}
.id,.key,.sid{font-family:ui-monospace,monospace;font-size:.82rem;color:var(--muted)}
.expr{font-weight:600;overflow:hidden;display:-webkit-box;-webkit-line-clamp:2;-webkit-box-orient:vertical;overflow-wrap:anywhere}
.counts{display:flex;flex-wrap:wrap;gap:.15rem .7rem;align-items:center;font-size:.92rem}
.count{white-space:nowrap}
.badges{display:flex;flex-wrap:wrap;gap:.3rem}
.badge{display:inline-block;padding:0 .45rem;border-radius:999px;font-size:.78rem;color:#fff;white-space:nowrap}
.ok{background:#2e7d32}.bad{background:#c62828}.rej{background:#6d4c41}.warn{background:#9a6700}.kind.badge{background:#57606a}.score{background:#0969da}
.warnline{font-size:.8rem;color:#8a5a00;white-space:nowrap;overflow:hidden;text-overflow:ellipsis}
.error{color:#b42318;font-size:.85rem;overflow-wrap:anywhere;white-space:pre-wrap;font-family:ui-monospace,monospace}
.card .error{display:-webkit-box;-webkit-line-clamp:3;-webkit-box-orient:vertical;overflow:hidden}
.mk{display:inline-block;width:1.15em;height:1.15em;vertical-align:-.2em;background-position:center;background-size:contain;background-repeat:no-repeat}
${markCss('mk-ok', MARK_SVGS.ok)}
${markCss('mk-no', MARK_SVGS.no)}
${markCss('mk-warn', MARK_SVGS.warn)}
${Object.entries(REVIEW_SVGS).map(([k, svg]) => markCss(`rvi-${k}`, svg)).join('\n')}
.rvslot{display:inline-flex;gap:.25rem;flex-wrap:wrap}
.card .rvslot{position:absolute;top:.95rem;left:.95rem;pointer-events:none}
.rv{display:inline-flex;align-items:center;gap:.25em;padding:.1em .5em .1em .3em;border-radius:999px;font-size:.8rem;font-weight:700;color:#fff;white-space:nowrap;box-shadow:0 1px 3px #0005}
.rv-accepted{background:#1a7f37}.rv-rejected{background:#b3261e}.rv-note{background:#57606a;pointer-events:auto}.rv-unreviewed{background:#fff;color:var(--muted);border:1px dashed var(--muted);box-shadow:none}
.rvi{display:inline-block;width:1.1em;height:1.1em;background-size:contain;background-repeat:no-repeat;background-position:center}
.card[data-review="rejected"]{border-color:#b3261e}.card[data-review="accepted"]{border-color:#1a7f37}
#review{display:flex;flex-wrap:wrap;gap:.4rem .7rem;align-items:center;flex-basis:100%;font-size:.9rem}
.rvcounts{color:var(--muted)}
.rvmsg{color:var(--muted);overflow-wrap:anywhere}.rvmsg.bad-msg{color:#b42318}
.review-box{display:flex;flex-wrap:wrap;gap:.3rem .8rem;align-items:center;margin:.4rem 0;font-size:.92rem}
.rvnote{white-space:pre-wrap;overflow-wrap:anywhere;font-style:italic}
.rvnote:empty{display:none}
.rvkeys{color:var(--muted);font-size:.82rem}
.note-editor{border:1px solid var(--rule);border-radius:8px;padding:1rem;width:min(32rem,90vw)}
.note-editor form{display:flex;flex-direction:column;gap:.5rem}
.note-editor textarea{font:inherit;padding:.4rem;border:1px solid var(--rule);border-radius:6px}
.note-title{font-weight:600}
#sampleview{padding:0 1rem 2rem}
.bar{position:sticky;top:0;z-index:5;background:var(--bg);display:flex;flex-wrap:wrap;gap:.5rem 1rem;align-items:center;padding:.5rem 0;border-bottom:1px solid var(--rule)}
.bar button{font-size:.92rem;padding:.25rem .7rem;border:1px solid var(--rule);border-radius:6px;background:#fff;cursor:pointer}
.bar button:disabled{opacity:.45;cursor:default}
.png{font-size:.92rem}
.shead{margin:.6rem 0}
.sexpr{font-size:1.2rem;margin:.2rem 0;overflow-wrap:anywhere}
.warnings{color:#8a5a00;font-size:.9rem;margin:.3rem 0}
.sbody{display:flex;gap:1.2rem;align-items:flex-start;flex-wrap:wrap}
.left{flex:1 1 540px;min-width:0}
.figure{position:relative;display:inline-block;max-width:100%;line-height:0}
.photo{display:block;max-width:100%;height:auto;image-orientation:none;background:#ccc}
.overlay{position:absolute;left:0;top:0;width:100%;height:100%;overflow:hidden}
.box{cursor:pointer}
.box .frame{fill:var(--bc);fill-opacity:0;stroke:var(--bc);stroke-width:3px;vector-effect:non-scaling-stroke;pointer-events:all}
.label{cursor:pointer}
.label .tag{fill:var(--bc)}
.label text{font-family:system-ui,"DejaVu Sans",sans-serif;font-weight:700;pointer-events:none}
.lit .box,.lit .label{opacity:.22}
.lit .box.on,.lit .label.on{opacity:1}
.box.on .frame{fill-opacity:.3;stroke-width:5px}
.box:focus{outline:none}
.pred rect{fill:none;stroke:var(--pc);stroke-width:3px;stroke-dasharray:8 5;vector-effect:non-scaling-stroke}
.pred text{fill:var(--pc);font-weight:700;paint-order:stroke;stroke:#fff;stroke-width:3px}
.targets{font-size:.92rem;color:var(--muted);margin:.5rem 0}
.reasoning{flex:1 1 420px;min-width:0;background:#fff;border:1px solid var(--rule);border-radius:6px;padding:.7rem .9rem;font-size:.93rem;line-height:1.5;max-height:calc(100vh - 4rem);overflow:auto;position:sticky;top:3.5rem}
.line{white-space:pre-wrap;overflow-wrap:anywhere;border-left:3px solid transparent;padding-left:.4rem;margin-left:-.4rem}
.line.head{font-weight:700;margin-top:.35rem}
.line.on{background:#fff6d5;border-left-color:#d4a72c}
.line.flash{animation:flash 1.2s}
@keyframes flash{from{background:#ffe08a}to{background:transparent}}
.mention{color:var(--c,#555);font-weight:700;border-radius:3px;cursor:pointer;padding:0 .1em}
.mention.on,.mention:focus{background:var(--mc);color:#fff;outline:none}
.fatal{padding:1rem;color:#b42318;font-weight:600}
#summary{margin:.6rem 1rem 0;background:#fff;border:1px solid var(--rule);border-radius:6px;padding:.35rem .7rem}
#summary>summary{cursor:pointer;font-weight:600;font-size:.92rem}
.totals{display:flex;flex-wrap:wrap;gap:.2rem .9rem;font-size:.9rem;margin:.3rem 0}
.charts{display:grid;grid-template-columns:repeat(auto-fill,minmax(15rem,1fr));gap:.6rem 1.2rem;margin:.2rem 0 .4rem}
.htitle{font-size:.82rem;font-weight:600;display:flex;gap:.3rem;align-items:baseline}
.hmax{margin-left:auto;font-weight:400;color:var(--muted);white-space:nowrap}
.hbars{display:flex;align-items:flex-end;gap:1px;height:56px;border-bottom:1px solid var(--rule)}
.hbar{flex:1 1 0;min-width:2px;height:100%;padding:0;border:0;background:transparent;display:flex;align-items:flex-end;cursor:pointer}
.hfill{display:block;width:100%;background:#7d8b99;border-radius:1px 1px 0 0}
.hbar:hover .hfill,.hbar:focus .hfill{background:#0969da}
.hbar.on .hfill{background:#d4a72c}.hbar.on{background:#fff6d5}
.hbar:focus{outline:2px solid #0969da55}
.haxis{display:flex;justify-content:space-between;font-size:.72rem;color:var(--muted)}
.hnone{font-size:.8rem;color:var(--muted);align-self:center}
`;

export function viewerHtml(title: string): string {
  const t = escapeHtml(title);
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${t}</title>
<link rel="icon" href="data:,">
<style>${CSS}</style>
</head>
<body>
<div id="app" data-tool="${escapeHtml(`${toolInfo().name} ${toolInfo().version}`)}">
<header id="top">
<h1 id="title">${t}</h1>
<span class="legend"><span class="mk mk-ok" role="img" aria-label="✅"></span> target <span class="mk mk-no" role="img" aria-label="❌"></span> not a target <span class="mk mk-warn" role="img" aria-label="⚠️"></span> sub-condition or reference person</span>
<div id="review" aria-label="review"></div>
<details id="runs"></details>
</header>
<section id="gridview">
<div id="controls">
<input id="q" type="search" placeholder="search expressions and reasoning" aria-label="search expressions and reasoning" autocomplete="off">
<span id="count" data-count aria-live="polite"></span>
<span id="kinds" aria-label="show only"></span>
<select id="split" aria-label="split"></select>
<label>candidates <input id="min" type="number" min="0" aria-label="at least this many candidates"> – <input id="max" type="number" min="0" aria-label="at most this many candidates"></label>
<select id="sort" aria-label="sort"></select>
<button id="reset" type="button">reset</button>
</div>
<details id="summary" open></details>
<p id="empty" hidden>No sample matches these filters.</p>
<div id="grid"></div>
</section>
<section id="sampleview" hidden></section>
</div>
<noscript><p>This page needs JavaScript. The pictures are the .png files in this folder; manifest.csv lists them.</p></noscript>
<script src="viewer-index.js"></script>
<script>${pageScript()}</script>
</body>
</html>
`;
}
