/**
 * A dotenv file (`.env`, a compose service's `env_file:`) read statically: `KEY=value` lines,
 * an optional `export `, quotes stripped, `#` comments. Never evaluated (no command substitution).
 */
export const parseEnvFile = (text: string): Record<string, string> => {
  const out: Record<string, string> = {};
  for (const raw of text.split(/\r?\n/)) {
    const m = /^\s*(?:export\s+)?([A-Za-z_]\w*)\s*=\s*(.*)$/.exec(raw);
    if (!m) continue;
    let value = m[2].trim();
    if (/^"(.*)"$/.test(value)) value = value.slice(1, -1);
    else if (/^'(.*)'$/.test(value)) value = value.slice(1, -1);
    else value = value.replace(/\s+#.*$/, '');
    out[m[1]] = value;
  }
  return out;
};
