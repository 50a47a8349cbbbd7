// The page script for every Plotly chart we can click (the body maps and the cycle diagram).
// It is the one place where we lean on Plotly's internals; tests/browser/test_touch.py fails
// loudly if a Plotly or Streamlit upgrade changes what it relies on.
(() => {
  if (window.__triggerMap) return;
  window.__triggerMap = true;

  // 1. One tap selects. Plotly picks the clicked point from its hover data, which only a mouse
  // move sets: on a touch screen the tap's click is handled at touchend, before the browser's
  // compatibility mouse events, so it selects whatever the previous tap hovered (or nothing).
  // Hovering at the touch point when the finger comes down sets the hover data first.
  function hoverAt(gd, touch) {
    const drag = gd.querySelector(".nsewdrag");
    if (!drag || !touch) return;
    drag.dispatchEvent(new MouseEvent("mousemove", {
      clientX: touch.clientX, clientY: touch.clientY, bubbles: true, cancelable: true, view: window,
    }));
  }

  // 2. Light a body region while the pointer is over it: Plotly cannot restyle one region's fill
  // on hover, so this shows the invisible hit-layer points of the hovered region.
  const LIT = "0.42";
  function lightOnHover(gd) {
    let lit = [];
    let litLayer = null;
    const clear = () => {
      lit.forEach((node) => { node.style.opacity = "0"; node.style.strokeWidth = ""; node.style.stroke = ""; });
      lit = [];
      if (litLayer) litLayer.style.opacity = "";
      litLayer = null;
    };
    gd.on("plotly_hover", (event) => {
      const point = event && event.points && event.points[0];
      clear();
      if (!point || point.data.name !== "regions" || point.data.mode !== "markers") return;
      const layer = gd.querySelectorAll(".scatterlayer .trace")[point.curveNumber];
      if (!layer) return;
      const nodes = layer.querySelectorAll("path.point");
      // the tint goes on the whole layer, the lit points are opaque inside it: where their wide
      // strokes overlap the region still shows one even tint, not darker spots
      layer.style.opacity = LIT;
      litLayer = layer;
      point.data.customdata.forEach((region, i) => {
        if (region === point.customdata && nodes[i]) {
          nodes[i].style.opacity = "1";
          nodes[i].style.stroke = "#4f7cac";
          nodes[i].style.strokeWidth = "12px";
          nodes[i].style.strokeLinejoin = "round";
          lit.push(nodes[i]);
        }
      });
      gd.dataset.litRegion = point.customdata;
    });
    gd.on("plotly_unhover", () => { clear(); delete gd.dataset.litRegion; });
  }

  function attach(gd) {
    if (gd.__triggerMap || typeof gd.on !== "function") return;
    gd.__triggerMap = true;
    // capture: runs before Plotly's own touchstart handler on the drag layer inside the chart
    gd.addEventListener("touchstart", (event) => {
      if (event.touches.length === 1) hoverAt(gd, event.touches[0]);
    }, {capture: true, passive: true});
    lightOnHover(gd);
  }
  // charts come and go as Streamlit renders: look for new ones once per frame after a change
  let queued = false;
  const scan = () => { queued = false; document.querySelectorAll(".js-plotly-plot").forEach(attach); };
  new MutationObserver(() => {
    if (!queued) { queued = true; requestAnimationFrame(scan); }
  }).observe(document.body, {childList: true, subtree: true});
  scan();
})();
