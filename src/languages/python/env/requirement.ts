/**
 * The distribution name of one requirement, whatever form it is written in: PEP 508
 * (`requests[socks]>=2; python_version<"3.12"`, `pkg @ https://...`), a URL or path with
 * `#egg=name`, or a wheel/sdist file name.
 */

const NAME = /^([A-Za-z0-9](?:[A-Za-z0-9._-]*[A-Za-z0-9])?)/;

export type RequirementName =
  | { name: string }
  /** A local path or URL that names no distribution (`-e .`, `./libs/x`): nothing to declare. */
  | { skip: string }
  | { error: string };

const eggName = (s: string): string | null => {
  const m = /[#&]egg=([A-Za-z0-9][A-Za-z0-9._-]*)/.exec(s);
  return m ? m[1] : null;
};

/** `name-1.0-py3-none-any.whl` → `name`; `name-1.0.tar.gz` → `name`. */
const archiveName = (s: string): string | null => {
  const file = s.split(/[?#]/)[0].split('/').pop() ?? '';
  const wheel = /^([A-Za-z0-9_.]+)-\d[^-]*(-\d[^-]*)?-[^-]+-[^-]+-[^-]+\.whl$/.exec(file);
  if (wheel) return wheel[1];
  const sdist = /^([A-Za-z0-9][A-Za-z0-9._-]*?)-\d[A-Za-z0-9.+!_-]*\.(tar\.gz|tar\.bz2|tar\.xz|zip|tgz)$/.exec(file);
  return sdist ? sdist[1] : null;
};

const looksLikeLocation = (s: string): boolean =>
  /^[a-z][a-z0-9+.-]*:\/\//i.test(s) || s.startsWith('.') || s.startsWith('/') || s.startsWith('~') || /^[A-Za-z]:[\\/]/.test(s);

/** One requirement, already stripped of comments and pip options. */
export const requirementName = (spec: string): RequirementName => {
  const s = spec.trim();
  if (s === '') return { error: 'empty requirement' };
  const egg = eggName(s);
  if (looksLikeLocation(s) || /^(git|hg|svn|bzr)\+/.test(s)) {
    const name = egg ?? archiveName(s);
    return name ? { name } : { skip: s };
  }
  const m = NAME.exec(s);
  if (!m) return { error: `not a requirement: ${s.slice(0, 80)}` };
  const rest = s.slice(m[1].length);
  // What may follow a name in PEP 508: extras, a version, a marker, a URL, or nothing.
  if (rest !== '' && !/^\s*($|[[(<>=!~;@])/.test(rest)) {
    const name = egg ?? archiveName(s);
    if (name) return { name };
    if (s.includes('/') || s.includes('\\')) return { skip: s };
    return { error: `not a requirement: ${s.slice(0, 80)}` };
  }
  return { name: m[1] };
};
