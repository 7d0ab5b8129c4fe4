/**
 * DOM helpers for the page script. Every string from the audited repo enters the page through
 * these as text nodes or attribute values: never as markup.
 *
 * Client modules are embedded by source text (see bundle.ts): export only function declarations,
 * keep no module-level state, and reach other modules' functions by their imported names.
 */

export type Child = Node | string | number | null | undefined | false;
export type Props = Record<string, string | number | boolean | null | undefined>;

/** Attributes that would let a value run as code, refused whatever the value. */
export function isUnsafeAttribute(name: string): boolean {
  return /^on/i.test(name) || /^(src|srcdoc|style|formaction|xlink:href)$/i.test(name);
}

export function setProps(node: Element, props: Props | undefined): void {
  if (!props) return;
  for (const name of Object.keys(props)) {
    const value = props[name];
    if (value === undefined || value === null || value === false || isUnsafeAttribute(name)) continue;
    if (name === 'href' && !String(value).startsWith('#')) continue;
    node.setAttribute(name, value === true ? '' : String(value));
  }
}

export function append(node: Node, children: Child[]): void {
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    node.appendChild(typeof child === 'string' || typeof child === 'number' ? document.createTextNode(String(child)) : child);
  }
}

/** An HTML element with attributes and text/element children. */
export function h(tag: string, props?: Props, ...children: Child[]): HTMLElement {
  const node = document.createElement(tag);
  setProps(node, props);
  append(node, children);
  return node;
}

/** An SVG element. */
export function svg(tag: string, props?: Props, ...children: Child[]): SVGElement {
  const node = document.createElementNS('http://www.w3.org/2000/svg', tag) as SVGElement;
  setProps(node, props);
  append(node, children);
  return node;
}

export function clear(node: Node): void {
  while (node.firstChild) node.removeChild(node.firstChild);
}

export function byId(id: string): HTMLElement {
  const node = document.getElementById(id);
  if (!node) throw new Error(`census report: #${id} is missing`);
  return node;
}

export function formatNumber(n: number): string {
  return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}
