/**
 * `pkg.mod.attr` — how worker tools name an object (huey's instance, arq's settings class, rq's
 * worker class): the module is everything before the last dot. Written `pkg.mod:attr` so the
 * analyser reads the module; a value that already has a colon is left as it is.
 */
import { type Value, literal, text } from '../value.js';

export const attributePath = (v: Value): Value => {
  const t = literal(v);
  if (t === null || t.includes(':')) return v;
  const i = t.lastIndexOf('.');
  return i > 0 ? text(`${t.slice(0, i)}:${t.slice(i + 1)}`) : v;
};
