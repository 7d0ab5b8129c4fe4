/** The page's stylesheet. Verdict colours are the Okabe–Ito palette, told apart with colour-blindness too. */
export const PAGE_CSS = `
:root {
  --production: #009e73; --tooling: #0072b2; --test: #cc79a7; --documented: #56b4e9;
  --manual: #e69f00; --dead: #d55e00; --other: #b8b8b8;
  --ink: #1d2329; --muted: #5d6873; --line: #d9dee3; --paper: #ffffff; --wash: #f4f6f8; --accent: #0b5cad;
  font-family: system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", "DejaVu Sans", sans-serif;
  font-size: 14px; color: var(--ink); background: var(--wash);
}
* { box-sizing: border-box; }
body { margin: 0; }
a { color: var(--accent); text-decoration: none; }
a:hover { text-decoration: underline; }
code { font-family: ui-monospace, "DejaVu Sans Mono", Menlo, Consolas, monospace; font-size: 12.5px; }
header.top { display: flex; align-items: baseline; gap: 16px; padding: 12px 20px 4px; background: var(--paper); }
header.top h1 { margin: 0; font-size: 18px; }
header.top .root { font-weight: 400; color: var(--muted); margin-left: 6px; }
header.top .meta { margin: 0; color: var(--muted); font-size: 12.5px; }
nav.tabs { display: flex; gap: 2px; padding: 0 16px; background: var(--paper); border-bottom: 1px solid var(--line); }
nav.tabs .tab { padding: 8px 14px; color: var(--muted); border-bottom: 3px solid transparent; }
nav.tabs .tab.on { color: var(--ink); border-bottom-color: var(--accent); font-weight: 600; }
.layout { display: flex; align-items: flex-start; gap: 16px; padding: 16px 20px; }
main#view { flex: 1 1 auto; min-width: 0; }
aside#detail { flex: 0 0 380px; max-height: calc(100vh - 110px); overflow: auto; position: sticky; top: 12px;
  background: var(--paper); border: 1px solid var(--line); border-radius: 8px; padding: 12px 16px; }
aside#detail[hidden] { display: none; }
aside#detail h2 { font-size: 15px; margin: 0 24px 6px 0; word-break: break-all; }
aside#detail h3 { font-size: 13px; margin: 14px 0 4px; color: var(--muted); text-transform: uppercase; letter-spacing: .03em; }
aside#detail .close { float: right; font-size: 20px; line-height: 1; color: var(--muted); }
aside#detail ul, aside#detail ol { margin: 0; padding-left: 20px; }
aside#detail li { margin: 2px 0; word-break: break-word; }
ol.chain li.hop::marker { content: "→ "; }
.chain-path { font-size: 12.5px; }
.kind, .sub, .hint { color: var(--muted); font-size: 12.5px; }
.overview-grid { display: grid; grid-template-columns: repeat(auto-fit, minmax(420px, 1fr)); gap: 0 14px; align-items: start; }
.card { background: var(--paper); border: 1px solid var(--line); border-radius: 8px; padding: 12px 16px; margin-bottom: 14px; }
.card h2 { font-size: 15px; margin: 0 0 8px; }
.card h3 { font-size: 13px; margin: 10px 0 4px; }
.facts { display: grid; grid-template-columns: max-content 1fr; gap: 4px 16px; margin: 0; }
.facts dt { color: var(--muted); }
.facts dd { margin: 0; }
.headline { font-size: 15px; margin: 4px 0 10px; }
.verdict-bar { display: flex; height: 14px; border-radius: 7px; overflow: hidden; margin-bottom: 12px; background: var(--line); }
.tiles { display: grid; grid-template-columns: repeat(auto-fill, minmax(140px, 1fr)); gap: 8px; }
.tile { display: flex; flex-direction: column; padding: 8px 10px; border-radius: 6px; color: #fff; }
.tile:hover { text-decoration: none; filter: brightness(1.08); }
.tile .count { font-size: 22px; font-weight: 700; }
.tile .sub { color: rgba(255,255,255,.85); }
.b-production { background: var(--production); } .b-tooling { background: var(--tooling); } .b-test { background: var(--test); }
.b-documented { background: var(--documented); } .b-manual { background: var(--manual); } .b-dead { background: var(--dead); }
.b-other { background: var(--other); }
svg .b-production { fill: var(--production); } svg .b-tooling { fill: var(--tooling); } svg .b-test { fill: var(--test); }
svg .b-documented { fill: var(--documented); } svg .b-manual { fill: var(--manual); } svg .b-dead { fill: var(--dead); } svg .b-other { fill: var(--other); }
.badge { display: inline-block; padding: 1px 7px; border-radius: 9px; color: #fff; font-size: 12px; white-space: nowrap; }
.bucket { display: inline-block; padding: 0 6px; border-radius: 4px; background: var(--wash); border: 1px solid var(--line); font-size: 12px; }
.k-broken-internal, .k-missing-name, .k-stdlib-removed { border-color: var(--dead); color: #9b3b00; }
.filters { display: flex; flex-wrap: wrap; align-items: center; gap: 8px 14px; margin-bottom: 10px; }
.filters select, .filters input { font: inherit; padding: 3px 6px; border: 1px solid var(--line); border-radius: 4px; background: var(--paper); }
.filters input[type=search] { min-width: 240px; }
.chips { display: flex; flex-wrap: wrap; gap: 6px; margin: 6px 0; }
.chip { font: inherit; font-size: 12.5px; padding: 2px 9px; border-radius: 12px; border: 1px solid var(--line); background: var(--paper); color: var(--ink); cursor: pointer; }
.chip .swatch { vertical-align: -1px; }
.chip.on { background: var(--ink); color: #fff; border-color: var(--ink); }
.link-button { font: inherit; border: 0; background: none; color: var(--accent); cursor: pointer; padding: 0; }
.info { color: var(--muted); margin: 4px 0 8px; }
.note { color: #8a4b00; }
.legend { display: flex; flex-wrap: wrap; gap: 12px; font-size: 12.5px; margin: 6px 0; }
.legend-item { display: inline-flex; align-items: center; gap: 5px; }
.swatch { width: 12px; height: 12px; border-radius: 3px; display: inline-block; }
.graph-head { display: flex; justify-content: space-between; align-items: center; }
.toolbar .tool { font: inherit; min-width: 32px; margin-left: 4px; padding: 2px 8px; border: 1px solid var(--line); border-radius: 4px; background: var(--paper); cursor: pointer; }
.graph-wrap, .treemap-wrap { background: var(--paper); border: 1px solid var(--line); border-radius: 8px; overflow: hidden; }
svg.graph { display: block; width: 100%; height: 560px; cursor: grab; user-select: none; }
svg.graph .node { cursor: pointer; }
svg.graph .node rect:first-of-type { stroke: rgba(0,0,0,.25); stroke-width: 1; }
svg.graph .node text { font-size: 12px; fill: #fff; pointer-events: none; }
svg.graph .node.n-other text, svg.graph .node.n-documented text { fill: var(--ink); }
svg.graph .node.folder rect:first-of-type { fill-opacity: .9; }
svg.graph .n-production rect:first-of-type { fill: var(--production); } svg.graph .n-tooling rect:first-of-type { fill: var(--tooling); }
svg.graph .n-test rect:first-of-type { fill: var(--test); } svg.graph .n-documented rect:first-of-type { fill: var(--documented); }
svg.graph .n-manual rect:first-of-type { fill: var(--manual); } svg.graph .n-dead rect:first-of-type { fill: var(--dead); }
svg.graph .n-other rect:first-of-type { fill: var(--other); }
svg.graph .edge { fill: none; stroke: #8795a1; stroke-width: 1.2; }
svg.graph.aggregated .edge { stroke-opacity: .35; }
svg.graph .edge.e-exec, svg.graph .edge.e-entry { stroke-dasharray: 6 3; }
svg.graph .edge.e-entry { stroke: #5a7fa8; }
svg.graph .edge.e-doc-mention, svg.graph .edge.e-reference { stroke-dasharray: 2 3; }
svg.graph marker path { fill: #8795a1; }
svg.graph #arrow-chain path { fill: #111; }
svg.graph.focus .node:not(.on-chain):not(.neighbour):not(.selected) { opacity: .35; }
svg.graph.focus .edge:not(.on-chain):not(.neighbour) { opacity: .12; }
svg.graph .edge.neighbour { stroke: #55606b; stroke-width: 1.6; }
svg.graph .edge.on-chain { stroke: #111; stroke-width: 2.6; opacity: 1; }
svg.graph .node.on-chain rect:first-of-type { stroke: #111; stroke-width: 2; }
svg.graph .node.selected rect:first-of-type { stroke: #111; stroke-width: 3.5; }
svg.treemap { display: block; width: 100%; height: auto; }
svg.treemap rect { stroke: #fff; stroke-width: 1; cursor: pointer; }
svg.treemap .tm-folder { fill: #e9edf1; stroke: #c4ccd4; }
svg.treemap .tm-agg { fill-opacity: .75; }
svg.treemap .tm-file.selected { stroke: #111; stroke-width: 3; }
svg.treemap .tm-label { font-size: 11px; fill: #fff; pointer-events: none; }
svg.treemap .tm-folder-label { font-size: 11px; font-weight: 600; fill: var(--ink); cursor: pointer; }
svg.treemap .n-production { fill: var(--production); } svg.treemap .n-tooling { fill: var(--tooling); } svg.treemap .n-test { fill: var(--test); }
svg.treemap .n-documented { fill: var(--documented); } svg.treemap .n-manual { fill: var(--manual); } svg.treemap .n-dead { fill: var(--dead); }
.breadcrumb { font-size: 14px; margin-bottom: 4px; }
table { border-collapse: collapse; width: 100%; background: var(--paper); }
th, td { text-align: left; vertical-align: top; padding: 5px 8px; border-bottom: 1px solid var(--line); }
th { font-weight: 600; white-space: nowrap; background: var(--wash); position: sticky; top: 0; }
td { overflow-wrap: anywhere; }
td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; }
table.inventory td.path { word-break: break-all; min-width: 180px; }
table.inventory td.summary { color: var(--muted); max-width: 260px; overflow-wrap: anywhere; }
table.inventory td.evidence { font-size: 12.5px; max-width: 460px; overflow-wrap: anywhere; }
table.inventory td.evidence span { display: block; }
table.inventory tr.selected td { background: #fff7d6; }
table.compact { width: auto; }
.clusters { display: grid; grid-template-columns: repeat(auto-fill, minmax(360px, 1fr)); gap: 10px; }
.cluster { background: var(--paper); border: 1px solid var(--line); border-radius: 8px; padding: 8px 12px; }
.cluster h3 { font-size: 13.5px; margin: 0 0 6px; }
.cluster ul { margin: 0; padding-left: 18px; }
.cluster li.keep { font-weight: 600; }
.cluster li.keep::after { content: "  keep"; color: var(--production); font-size: 12px; }
ul.warnings { max-height: 320px; overflow: auto; }
@media (max-width: 1000px) { .layout { flex-direction: column; } aside#detail { position: static; width: 100%; flex-basis: auto; max-height: none; } }
`;
