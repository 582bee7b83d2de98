/**
 * The frame of every page: the Content-Security-Policy, the style and the two inline scripts.
 */
import { createHash } from 'node:crypto';
import type { Entity } from '../../model.js';
import { entityTypeColours, escapeXml as escape } from './network.js';

/**
 * A Content-Security-Policy that allows only the given inline style and script: nothing is loaded
 * from anywhere, and a script that slipped into the page would not run.
 *
 * @param style The inline style.
 * @param script The inline script.
 * @returns The policy.
 */
function contentSecurityPolicy(style: string, script: string): string {
  const hash = (text: string): string => `'sha256-${createHash('sha256').update(text).digest('base64')}'`;
  return `default-src 'none'; style-src ${hash(style)}; script-src ${hash(script)}; img-src data:; base-uri 'none'; form-action 'none'`;
}

/**
 * A whole page.
 *
 * @param title The page title.
 * @param body The body content.
 * @param script The inline script.
 * @returns The HTML document.
 */
export function page(title: string, body: string, script: string): string {
  const style = pageStyle();
  return (
    '<!doctype html>\n<html lang="de">\n<head>\n<meta charset="utf-8">\n' +
    '<meta name="viewport" content="width=device-width, initial-scale=1">\n' +
    `<meta http-equiv="Content-Security-Policy" content="${contentSecurityPolicy(style, script)}">\n` +
    '<meta name="generator" content="drucksache">\n' +
    `<title>${escape(title)}</title>\n<style>${style}</style>\n</head>\n<body>\n` +
    '<a class="skip" href="#main">Zum Inhalt springen</a>\n' +
    `${body}\n<script>${script}</script>\n</body>\n</html>\n`
  );
}

/**
 * The style of every page. Colours meet WCAG AA contrast for text; marks differ by more than colour
 * (underline styles) so that they stay apart without colour vision.
 *
 * @returns The CSS.
 */
function pageStyle(): string {
  const types = (Object.keys(entityTypeColours) as Entity['type'][])
    .map((type) => `.t-${type}{--tint:${entityTypeColours[type].light};--ink:${entityTypeColours[type].strong}}`)
    .join('');
  return `
:root{color-scheme:light;--fg:#1a1a1a;--muted:#555b65;--line:#d5d8de;--bg:#fff;--soft:#f5f6f8;--link:#0b57d0;--focus:#b3261e}
*{box-sizing:border-box}
html{scroll-behavior:smooth;scroll-padding-top:4rem}
@media (prefers-reduced-motion:reduce){html{scroll-behavior:auto}}
body{margin:0;font:16px/1.55 system-ui,-apple-system,"Segoe UI",Roboto,"Noto Sans",sans-serif;color:var(--fg);background:var(--bg)}
a{color:var(--link)}
a:focus-visible,button:focus-visible,input:focus-visible,select:focus-visible,summary:focus-visible,.hl:focus,main:focus-visible{outline:3px solid var(--focus);outline-offset:2px}
.skip{position:absolute;left:.5rem;top:-3rem;background:#fff;padding:.5rem 1rem;z-index:10;border:2px solid var(--focus)}
.skip:focus{top:.5rem}
.visually-hidden{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap}
.muted{color:var(--muted)}
.masthead{padding:1.25rem clamp(1rem,4vw,3rem) 1rem;background:var(--soft);border-bottom:1px solid var(--line)}
.masthead h1{margin:.2rem 0 .6rem;font-size:clamp(1.35rem,3.2vw,2.1rem);line-height:1.2;max-width:60rem}
.kicker{margin:0;color:var(--muted);font-size:.9rem}
.facts{display:grid;grid-template-columns:repeat(auto-fit,minmax(14rem,1fr));gap:.6rem 1.5rem;margin:0;max-width:75rem}
.facts dt{font-size:.8rem;text-transform:uppercase;letter-spacing:.04em;color:var(--muted);font-weight:600}
.facts dd{margin:0}
.counts div{display:flex;flex-direction:column-reverse;border:1px solid var(--line);border-radius:.4rem;padding:.4rem .7rem}
.counts dt{font-size:.85rem;color:var(--muted)}
.counts dd{margin:0;font-size:1.35rem;font-weight:700;line-height:1.2}
.counts dd .muted{font-size:.85rem;font-weight:400}
.layout{display:grid;grid-template-columns:minmax(0,1fr);max-width:84rem;margin:0 auto}
.toc{position:sticky;top:0;z-index:5;background:var(--bg);border-bottom:1px solid var(--line);padding:.4rem clamp(1rem,4vw,3rem)}
.toc ul{display:flex;gap:.25rem 1rem;list-style:none;margin:0;padding:0;overflow-x:auto;white-space:nowrap}
.toc a{display:inline-block;padding:.35rem 0}
main{padding:0 clamp(1rem,4vw,3rem) 2rem;min-width:0}
@media (min-width:64rem){
.layout{grid-template-columns:13rem minmax(0,1fr)}
.layout .toc{border-bottom:0;border-right:1px solid var(--line);align-self:start;padding:1rem;height:auto}
.layout .toc ul{flex-direction:column;white-space:normal}
}
h2{font-size:1.45rem;margin:2rem 0 .75rem;padding-top:.5rem;border-top:2px solid var(--fg)}
h3{font-size:1.1rem;margin:1.25rem 0 .4rem}
.counts{display:grid;grid-template-columns:repeat(auto-fill,minmax(9.5rem,1fr));gap:.5rem;margin:0 0 1rem}
.chips{display:flex;flex-wrap:wrap;gap:.4rem;list-style:none;padding:0;margin:.5rem 0}
.chip,.chip-static{font:inherit;font-size:.9rem;border:1px solid var(--ink);background:var(--tint);color:var(--fg);border-radius:1rem;padding:.3rem .7rem;min-height:2.25rem;display:inline-flex;align-items:center;gap:.4rem}
.chip-static{min-height:0;padding:.05rem .5rem;margin:.1rem 0}
.chip{cursor:pointer}
.chip[aria-pressed="true"]{background:#1a1a1a;color:#fff;border-color:#1a1a1a}
.count{font-variant-numeric:tabular-nums;font-size:.8rem;background:rgba(255,255,255,.75);color:#1a1a1a;border-radius:.6rem;padding:0 .4rem}
.entity-status-row{display:flex;flex-wrap:wrap;align-items:center;gap:.75rem}
#entity-status{margin:.25rem 0;font-weight:600}
#entity-next,.sort{font:inherit}
#entity-next{padding:.35rem .8rem;border:1px solid var(--fg);background:#fff;border-radius:.3rem;cursor:pointer}
details summary{cursor:pointer;padding:.3rem 0}
.table-wrap{overflow-x:auto}
table{border-collapse:collapse;width:100%;font-size:.95rem}
th,td{text-align:left;vertical-align:top;padding:.4rem .6rem;border-bottom:1px solid var(--line)}
thead th{border-bottom:2px solid var(--fg);white-space:nowrap}
.num{text-align:right;font-variant-numeric:tabular-nums}
tfoot th,tfoot td{font-weight:700;border-top:2px solid var(--fg)}
.sources{padding-left:1.2rem}
.sources li{margin:.2rem 0;overflow-wrap:anywhere}
.tag{display:inline-block;font-size:.75rem;text-transform:uppercase;letter-spacing:.03em;background:var(--soft);border:1px solid var(--line);border-radius:.25rem;padding:0 .35rem;color:var(--fg)}
.hint{color:var(--muted);font-size:.9rem;margin:.3rem 0}
.figures{display:grid;grid-template-columns:repeat(auto-fit,minmax(min(100%,36rem),1fr));gap:1.5rem;align-items:start}
.figure{margin:0;border:1px solid var(--line);border-radius:.4rem;padding:.5rem;min-width:0}
.scroll{overflow-x:auto}
.figure svg{width:100%;height:auto;display:block}
.figure svg.network{min-width:40rem}
.figure svg.chart{min-width:36rem}
.scroll:focus-visible,.table-wrap:focus-visible{outline:3px solid var(--focus);outline-offset:2px}
figcaption{font-size:.9rem;color:var(--muted);margin-top:.4rem}
.swatch{display:inline-block;width:.8em;height:.8em;border-radius:50%;background:var(--ink);margin:0 .25em 0 .1em;vertical-align:baseline}
.network text{paint-order:stroke;stroke:#fff;stroke-width:3px;stroke-linejoin:round}
.legend{border:1px solid var(--line);border-radius:.4rem;padding:.5rem .9rem;background:var(--soft);margin:.5rem 0 1rem}
.legend-title{margin:.2rem 0}
.legend-items{display:flex;flex-wrap:wrap;gap:.4rem 1rem;list-style:none;padding:0;margin:.3rem 0}
.toggles{border:0;padding:0;margin:.4rem 0;display:flex;flex-wrap:wrap;gap:.3rem 1rem}
.toggles legend{font-weight:600;padding:0;margin-bottom:.2rem;float:left;margin-right:1rem}
.toggles label{display:inline-flex;align-items:center;gap:.3rem;min-height:2rem}
.flow>*{border-left:4px solid var(--line);padding:.2rem 0 .4rem 1rem;margin:1rem 0}
.flow .question{border-left-color:#0b57d0}
.flow .answer{border-left-color:#15803d;background:#fafbfa}
.flow .preamble{border-left-color:#7e22ce}
.flow h3{margin:.2rem 0 .4rem}
.flow :target{outline:3px solid var(--focus);outline-offset:4px}
.badge{font-size:.75rem;font-weight:600;background:#e7f3ea;border:1px solid #15803d;border-radius:.8rem;padding:.05rem .5rem;vertical-align:middle;margin-left:.4rem}
.text{white-space:pre-line;overflow-wrap:anywhere;max-width:48rem}
.to-answer{margin:.4rem 0 0}
.refs{font-size:.9rem;margin-top:.4rem}
.refs ul{display:inline;list-style:none;padding:0;margin:0}
.refs li{display:inline;margin-right:.8rem}
mark{color:inherit;background:none}
.hl{position:relative;border-radius:.2rem;padding:0 .08em}
.hl.ent{background:var(--tint);box-shadow:inset 0 -2px 0 var(--ink)}
.hl.amt{background:#fff2a8;border-bottom:3px double #8a6d00;white-space:nowrap}
.hl.date{background:#ddf3f6;border-bottom:2px dotted #0e6b80}
.hl.src{background:#eceef1;outline:1px dashed #6b7280;outline-offset:-1px}
.hl.ent.on{background:#ffd400;box-shadow:0 0 0 2px #1a1a1a}
.hide-ent .hl.ent:not(.on),.hide-amt .hl.amt,.hide-date .hl.date,.hide-src .hl.src{background:none;box-shadow:none;border-bottom:0;outline:0}
.hl:focus::after{content:attr(title);position:absolute;left:0;top:100%;z-index:20;width:max-content;max-width:min(22rem,80vw);white-space:normal;background:#1a1a1a;color:#fff;font-size:.85rem;font-weight:400;line-height:1.35;padding:.3rem .5rem;border-radius:.3rem;margin-top:.2rem}
a.ref{font-weight:600}
.messages{padding-left:1.2rem}
.messages li{margin:.4rem 0;overflow-wrap:anywhere}
blockquote{margin:.3rem 0 .3rem 1rem;padding-left:.6rem;border-left:3px solid var(--line);color:var(--muted)}
.filters{display:flex;flex-wrap:wrap;gap:.75rem 1.5rem;align-items:end;margin:1rem 0}
.filters label{display:flex;flex-direction:column;font-weight:600;gap:.2rem}
.filters input,.filters select{font:inherit;padding:.4rem .5rem;border:1px solid #6b7280;border-radius:.3rem;min-width:14rem}
#shown{margin:0 0 .4rem}
.sort{background:none;border:0;padding:.2rem 0;font-weight:700;cursor:pointer;color:var(--fg);display:inline-flex;gap:.3rem;align-items:center}
th[aria-sort="ascending"] .arrow::after{content:"▲"}
th[aria-sort="descending"] .arrow::after{content:"▼"}
th[aria-sort="none"] .arrow::after{content:"↕";color:var(--muted)}
.documents tbody th{font-weight:600}
.documents caption{text-align:left;color:var(--muted);font-size:.9rem;padding:.3rem 0}
.small{font-size:.85rem}
@media (max-width:40rem){
.documents,.documents thead,.documents tbody,.documents tr,.documents th,.documents td{display:block}
.documents thead tr{display:flex;flex-wrap:wrap;gap:.2rem .8rem;border-bottom:2px solid var(--fg);padding:.3rem 0}
.documents thead th{border:0;padding:0}
.documents tbody tr{border-bottom:1px solid var(--line);padding:.5rem 0}
.documents tbody th,.documents tbody td{border:0;padding:.15rem 0;text-align:left}
.documents caption{display:block}
.documents tbody td[data-label]::before{content:attr(data-label) ": ";font-weight:600}
}
.footer{border-top:1px solid var(--line);padding:1rem clamp(1rem,4vw,3rem);color:var(--muted);font-size:.85rem}
${types}
`;
}

/**
 * The script of a document page: choose an entity to highlight its mentions (announced in a live
 * region, with a button to visit them one by one), and switch each kind of mark on or off. It reads
 * everything from the page; no data is written into the script.
 */
export const documentScript = `
(function () {
  'use strict';
  var status = document.getElementById('entity-status');
  var next = document.getElementById('entity-next');
  var buttons = Array.prototype.slice.call(document.querySelectorAll('button[data-entity]'));
  var marks = Array.prototype.slice.call(document.querySelectorAll('mark.ent[data-entity]'));
  var current = null;
  var heads = [];
  var visited = -1;
  function choose(id) {
    marks.forEach(function (mark) { mark.classList.remove('on'); });
    buttons.forEach(function (button) { button.setAttribute('aria-pressed', 'false'); });
    heads = [];
    visited = -1;
    if (id === null || id === current) {
      current = null;
      status.textContent = 'Keine Entität gewählt.';
      status.setAttribute('data-count', '0');
      next.hidden = true;
      return;
    }
    current = id;
    var name = '';
    buttons.forEach(function (button) {
      if (button.getAttribute('data-entity') === id) { button.setAttribute('aria-pressed', 'true'); name = button.getAttribute('data-name') || ''; }
    });
    marks.forEach(function (mark) {
      if (mark.getAttribute('data-entity') !== id) return;
      mark.classList.add('on');
      if (!mark.hasAttribute('data-cont')) heads.push(mark);
    });
    var count = heads.length;
    status.setAttribute('data-count', String(count));
    status.textContent = '\\u201E' + name + '\\u201C: ' + count + (count === 1 ? ' Erw\\u00E4hnung' : ' Erw\\u00E4hnungen') + ' im Text hervorgehoben.';
    next.hidden = count === 0;
  }
  buttons.forEach(function (button) {
    button.addEventListener('click', function () { choose(button.getAttribute('data-entity')); });
  });
  next.addEventListener('click', function () {
    if (heads.length === 0) return;
    visited = (visited + 1) % heads.length;
    heads[visited].scrollIntoView({ block: 'center' });
    heads[visited].focus();
  });
  Array.prototype.slice.call(document.querySelectorAll('.toggles input[data-kind]')).forEach(function (input) {
    input.addEventListener('change', function () {
      document.body.classList.toggle('hide-' + input.getAttribute('data-kind'), !input.checked);
    });
  });
})();
`;

/**
 * The script of the index page: sort by a column (click again to reverse; `aria-sort` tells which),
 * filter by text and faction, and say how many rows are shown.
 */
export const indexScript = `
(function () {
  'use strict';
  var table = document.getElementById('documents');
  var body = table.tBodies[0];
  var rows = Array.prototype.slice.call(body.rows);
  var filter = document.getElementById('filter');
  var faction = document.getElementById('faction');
  var shown = document.getElementById('shown');
  var headers = Array.prototype.slice.call(table.tHead.rows[0].cells);
  var collator = new Intl.Collator('de', { numeric: true, sensitivity: 'base' });
  function key(row, column) { var cell = row.cells[column]; return cell ? (cell.getAttribute('data-sort') || cell.textContent || '') : ''; }
  Array.prototype.slice.call(table.querySelectorAll('button.sort')).forEach(function (button) {
    button.addEventListener('click', function () {
      var column = Number(button.getAttribute('data-column'));
      var numeric = button.getAttribute('data-type') === 'number';
      var header = headers[column];
      var direction = header.getAttribute('aria-sort') === 'ascending' ? 'descending' : 'ascending';
      headers.forEach(function (other) { other.setAttribute('aria-sort', 'none'); });
      header.setAttribute('aria-sort', direction);
      var sign = direction === 'ascending' ? 1 : -1;
      rows.sort(function (a, b) {
        var x = key(a, column); var y = key(b, column);
        var order = numeric ? Number(x) - Number(y) : collator.compare(x, y);
        return sign * order;
      });
      rows.forEach(function (row) { body.appendChild(row); });
    });
  });
  function apply() {
    var needle = filter.value.trim().toLocaleLowerCase('de');
    var group = faction.value;
    var count = 0;
    rows.forEach(function (row) {
      var visible = (needle === '' || row.textContent.toLocaleLowerCase('de').indexOf(needle) >= 0) && (group === '' || row.getAttribute('data-faction') === group);
      row.hidden = !visible;
      if (visible) count += 1;
    });
    shown.textContent = count + ' von ' + rows.length + ' Dokumenten';
  }
  filter.addEventListener('input', apply);
  faction.addEventListener('change', apply);
  document.querySelector('form.filters').addEventListener('submit', function (event) { event.preventDefault(); });
})();
`;
