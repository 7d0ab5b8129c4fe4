/** Wheel to zoom around the pointer, drag to pan: both by moving the SVG's viewBox. */

export function svgPoint(el: SVGSVGElement, clientX: number, clientY: number): { x: number; y: number } {
  const matrix = el.getScreenCTM();
  if (!matrix) return { x: 0, y: 0 };
  const p = new DOMPoint(clientX, clientY).matrixTransform(matrix.inverse());
  return { x: p.x, y: p.y };
}

export function zoomAround(el: SVGSVGElement, factor: number, x: number, y: number): void {
  const box = el.viewBox.baseVal;
  box.x = x - (x - box.x) * factor;
  box.y = y - (y - box.y) * factor;
  box.width *= factor;
  box.height *= factor;
}

/** Moves the view so (x, y) is in the middle, when it is not already in view. */
export function revealPoint(el: SVGSVGElement, x: number, y: number): void {
  const box = el.viewBox.baseVal;
  if (x >= box.x && x <= box.x + box.width && y >= box.y && y <= box.y + box.height) return;
  box.x = x - box.width / 2;
  box.y = y - box.height / 2;
}

export function enablePanZoom(el: SVGSVGElement): void {
  el.addEventListener(
    'wheel',
    (event) => {
      event.preventDefault();
      const p = svgPoint(el, event.clientX, event.clientY);
      zoomAround(el, event.deltaY > 0 ? 1.15 : 1 / 1.15, p.x, p.y);
    },
    { passive: false },
  );
  let drag: { x: number; y: number; moved: boolean } | null = null;
  el.addEventListener('pointerdown', (event) => {
    drag = { x: event.clientX, y: event.clientY, moved: false };
  });
  el.addEventListener('pointermove', (event) => {
    if (!drag || (event.buttons & 1) === 0) return;
    const dx = event.clientX - drag.x;
    const dy = event.clientY - drag.y;
    if (!drag.moved && Math.abs(dx) + Math.abs(dy) < 4) return;
    drag.moved = true;
    const box = el.viewBox.baseVal;
    // With preserveAspectRatio `meet` the tighter axis sets how many units a pixel is.
    const scale = Math.max(box.width / Math.max(1, el.clientWidth), box.height / Math.max(1, el.clientHeight));
    box.x -= dx * scale;
    box.y -= dy * scale;
    drag.x = event.clientX;
    drag.y = event.clientY;
  });
  el.addEventListener('pointerup', () => {
    // A drag that moved is not a click on whatever it ended over.
    if (drag?.moved) el.dataset.dragged = '1';
    drag = null;
  });
  el.addEventListener(
    'click',
    (event) => {
      if (el.dataset.dragged !== '1') return;
      delete el.dataset.dragged;
      event.stopPropagation();
      event.preventDefault();
    },
    true,
  );
}
