/**
 * `JSON.stringify(value, null, 2)` written as UTF-8 straight into a reused byte buffer: no text of a
 * slice, no rope to flatten, no copy of it into the write buffer. At 100k files the stringifier's
 * route allocated about 3.8 GB for a 700 MB Audit (docs/architecture.md "Stop 64 (s64-big)"); this one
 * allocates the buffer and what `toJSON` and the lazily made labels make.
 *
 * Exactly the stringifier's output, rule by rule (ECMA-262 SerializeJSONProperty with a gap of two
 * spaces): `toJSON(key)` first; boxed primitives unwrapped; undefined, functions and symbols left
 * out of objects and `null` in arrays; non-finite numbers `null`; numbers as `String(n)`; keys in
 * `Object.keys` order; empty arrays and objects `[]` and `{}`; strings escaped as V8 does: `\"`,
 * `\\`, `\b \f \n \r \t`, other controls and lone surrogates as lowercase `\u00xx` / `\udxxx`, all
 * else as it is (U+2028 included). A bigint throws as JSON.stringify does. Held to JSON.stringify
 * by test/report/json-bytes.test.ts on generated values.
 */

/** `\n` and two spaces per level, for levels up to this; deeper ones are made when needed. */
const INDENTS: Uint8Array[] = Array.from({ length: 16 }, (_, depth) => Buffer.from(`\n${'  '.repeat(depth)}`, 'latin1'));
const HEX = Buffer.from('0123456789abcdef', 'latin1');
/** Distinct keys whose `"key": ` bytes are kept; past it (a map keyed by repo names), made each time. */
const KEY_CACHE_LIMIT = 4096;

export class JsonBytes {
  /** The bytes written since the last `take`, from 0 to `length`. */
  bytes: Buffer;
  length = 0;
  readonly #keys = new Map<string, Uint8Array>();

  constructor(capacity: number) {
    this.bytes = Buffer.allocUnsafe(capacity);
  }

  /** Room for `n` more bytes: the buffer doubles when a value outgrows it (one big section). */
  #room(n: number): void {
    if (this.length + n <= this.bytes.length) return;
    const grown = Buffer.allocUnsafe(Math.max(this.bytes.length * 2, this.length + n));
    this.bytes.copy(grown, 0, 0, this.length);
    this.bytes = grown;
  }

  /** ASCII bytes as they are. */
  raw(ascii: Uint8Array): void {
    this.#room(ascii.length);
    this.bytes.set(ascii, this.length);
    this.length += ascii.length;
  }

  /** A line break and the indentation of `depth` levels. */
  indent(depth: number): void {
    this.raw(INDENTS[depth] ?? Buffer.from(`\n${'  '.repeat(depth)}`, 'latin1'));
  }

  byte(code: number): void {
    this.#room(1);
    this.bytes[this.length++] = code;
  }

  /** `"key": ` (the gap's form), quoted as any string is. */
  key(key: string): void {
    let bytes = this.#keys.get(key);
    if (bytes === undefined) {
      bytes = Buffer.from(`${JSON.stringify(key)}: `, 'utf8');
      if (this.#keys.size < KEY_CACHE_LIMIT) this.#keys.set(key, bytes);
    }
    this.raw(bytes);
  }

  /** The string quoted and escaped as JSON.stringify does, encoded as UTF-8. */
  string(text: string): void {
    const n = text.length;
    // At most 6 bytes a unit (`\u001f`; a lone surrogate), and the two quotes.
    this.#room(6 * n + 2);
    const b = this.bytes;
    let p = this.length;
    b[p++] = 0x22;
    for (let i = 0; i < n; i++) {
      const c = text.charCodeAt(i);
      if (c < 0x80) {
        if (c >= 0x20 && c !== 0x22 && c !== 0x5c) {
          b[p++] = c;
          continue;
        }
        b[p++] = 0x5c;
        if (c === 0x22 || c === 0x5c) b[p++] = c;
        else if (c === 0x08) b[p++] = 0x62; // b
        else if (c === 0x0c) b[p++] = 0x66; // f
        else if (c === 0x0a) b[p++] = 0x6e; // n
        else if (c === 0x0d) b[p++] = 0x72; // r
        else if (c === 0x09) b[p++] = 0x74; // t
        else {
          b[p++] = 0x75; // u00xx
          b[p++] = 0x30;
          b[p++] = 0x30;
          b[p++] = HEX[c >> 4];
          b[p++] = HEX[c & 15];
        }
      } else if (c < 0x800) {
        b[p++] = 0xc0 | (c >> 6);
        b[p++] = 0x80 | (c & 63);
      } else if (c < 0xd800 || c > 0xdfff) {
        b[p++] = 0xe0 | (c >> 12);
        b[p++] = 0x80 | ((c >> 6) & 63);
        b[p++] = 0x80 | (c & 63);
      } else {
        const next = i + 1 < n ? text.charCodeAt(i + 1) : 0;
        if (c <= 0xdbff && next >= 0xdc00 && next <= 0xdfff) {
          const code = 0x10000 + ((c - 0xd800) << 10) + (next - 0xdc00);
          b[p++] = 0xf0 | (code >> 18);
          b[p++] = 0x80 | ((code >> 12) & 63);
          b[p++] = 0x80 | ((code >> 6) & 63);
          b[p++] = 0x80 | (code & 63);
          i++;
        } else {
          // A lone surrogate: JSON.stringify escapes it (well-formed JSON.stringify).
          b[p++] = 0x5c;
          b[p++] = 0x75;
          b[p++] = HEX[c >> 12];
          b[p++] = HEX[(c >> 8) & 15];
          b[p++] = HEX[(c >> 4) & 15];
          b[p++] = HEX[c & 15];
        }
      }
    }
    b[p++] = 0x22;
    this.length = p;
  }

  /** A finite number as `String(n)` writes it, else `null`. */
  number(value: number): void {
    if (value >= 0 && value <= 0x7fffffff && (value | 0) === value) {
      // The usual case (lines, bytes, counts): digits without a string. -0 is not here: `|0` of -0 is 0,
      // and 0 === -0, but String(-0) is "0" too.
      this.#room(10);
      const b = this.bytes;
      let digits = 1;
      for (let rest = value; rest >= 10; rest = (rest / 10) | 0) digits++;
      let p = this.length + digits;
      this.length = p;
      let rest = value;
      do {
        b[--p] = 0x30 + (rest % 10);
        rest = (rest / 10) | 0;
      } while (rest > 0);
      return;
    }
    this.ascii(Number.isFinite(value) ? String(value) : 'null');
  }

  /** A text known to be ASCII (a number's or a literal's). */
  ascii(text: string): void {
    this.#room(text.length);
    this.length += this.bytes.write(text, this.length, 'latin1');
  }

  /**
   * What JSON.stringify writes for `holder[key]` at `depth` levels in, or false for a value it
   * leaves out (undefined, a function, a symbol; the caller writes `null` in an array).
   */
  value(input: unknown, key: string, depth: number): boolean {
    let value = input;
    if ((typeof value === 'object' && value !== null) || typeof value === 'function' || typeof value === 'bigint') {
      const toJSON = (value as { toJSON?: unknown }).toJSON;
      if (typeof toJSON === 'function') value = (toJSON as (key: string) => unknown).call(value, key);
    }
    // Boxed primitives count as their primitive (after toJSON, as the spec has it).
    if (typeof value === 'object' && value !== null && !Array.isArray(value)) {
      if (value instanceof Number) value = Number(value);
      else if (value instanceof String) value = String(value);
      else if (value instanceof Boolean) value = Boolean.prototype.valueOf.call(value);
      else if (value instanceof BigInt) value = BigInt.prototype.valueOf.call(value);
    }
    switch (typeof value) {
      case 'string':
        this.string(value);
        return true;
      case 'number':
        this.number(value);
        return true;
      case 'boolean':
        this.ascii(value ? 'true' : 'false');
        return true;
      case 'object':
        if (value === null) this.ascii('null');
        else if (Array.isArray(value)) this.array(value, depth);
        else this.object(value as Record<string, unknown>, depth);
        return true;
      case 'bigint':
        // JSON.stringify's own TypeError.
        JSON.stringify(value);
        return false;
      default:
        return false;
    }
  }

  array(items: readonly unknown[], depth: number): void {
    const n = items.length;
    if (n === 0) {
      this.ascii('[]');
      return;
    }
    this.byte(0x5b);
    for (let i = 0; i < n; i++) {
      if (i > 0) this.byte(0x2c);
      this.indent(depth + 1);
      if (!this.value(items[i], String(i), depth + 1)) this.ascii('null');
    }
    this.indent(depth);
    this.byte(0x5d);
  }

  object(record: Record<string, unknown>, depth: number): void {
    let any = false;
    for (const key of Object.keys(record)) {
      const value = record[key];
      // Left out before anything is written (neither has a toJSON to ask).
      if (value === undefined || typeof value === 'symbol') continue;
      const mark = this.length;
      this.byte(any ? 0x2c : 0x7b);
      this.indent(depth + 1);
      this.key(key);
      if (this.value(value, key, depth + 1)) any = true;
      else this.length = mark; // a toJSON that gave undefined: the member is left out
    }
    if (!any) {
      this.ascii('{}');
      return;
    }
    this.indent(depth);
    this.byte(0x7d);
  }
}
