/**
 * `--format html`: one self-contained page (data, script and styles inline; no network) with an
 * overview, a folder treemap, a graph with evidence chains, the inventory table and the import and
 * duplicate panels. Pure function of the Audit.
 */
import type { Reporter } from '../types.js';
import { buildPageData } from './build-page-data.js';
import { clientScript } from './client/bundle.js';
import { jsonForScript } from './escape.js';
import { PAGE_CSS } from './styles.js';
import { pageHtml } from './template.js';
import { plural } from '../../util/words.js';

export const renderHtml: Reporter = (audit) => {
  const commit = audit.git?.commit ? `commit ${audit.git.commit.slice(0, 12)}${audit.git.dirty ? ' (dirty)' : ''}` : 'no git';
  return pageHtml({
    title: `census — ${audit.root || '.'}`,
    subtitle: `${commit} · ${audit.generatedAt.slice(0, 10)} · ${plural(audit.summary.files, 'file')}`,
    generator: `${audit.tool.name} ${audit.tool.version}`,
    css: PAGE_CSS,
    dataJson: jsonForScript(buildPageData(audit)),
    script: clientScript(),
  });
};
