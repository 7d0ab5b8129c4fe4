/**
 * The page shell. Repo strings appear here only escaped (title, header) or inside the JSON data
 * block; a Content-Security-Policy allows just this page's own script and stylesheet (by hash) and
 * no network at all, so even a missed escape could not run code or fetch anything.
 */
import { createHash } from 'node:crypto';
import { escapeHtml } from './escape.js';

export interface PageParts {
  title: string;
  subtitle: string;
  generator: string;
  css: string;
  dataJson: string;
  script: string;
}

const sha256 = (text: string): string => `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;

export const contentSecurityPolicy = (script: string, css: string): string =>
  [`default-src 'none'`, `script-src ${sha256(script)}`, `style-src ${sha256(css)}`, `img-src data:`, `base-uri 'none'`, `form-action 'none'`].join('; ');

export const pageHtml = (p: PageParts): string => `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="${escapeHtml(contentSecurityPolicy(p.script, p.css))}">
<meta name="generator" content="${escapeHtml(p.generator)}">
<title>${escapeHtml(p.title)}</title>
<style>${p.css}</style>
</head>
<body>
<header class="top"><h1>census<span class="root">${escapeHtml(p.title.replace(/^census \u2014 /, ''))}</span></h1><p class="meta">${escapeHtml(p.subtitle)}</p></header>
<nav id="tabs" class="tabs" aria-label="views"></nav>
<div class="layout"><main id="view"></main><aside id="detail" aria-label="selected file" hidden></aside></div>
<noscript><p>This report draws its views with JavaScript. The same audit as text: <code>census report audit.json --format md</code>.</p></noscript>
<script type="application/json" id="census-data">${p.dataJson}</script>
<script>${p.script}</script>
</body>
</html>
`;
