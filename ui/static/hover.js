// Light a body region while the pointer is over it: Plotly cannot restyle one region's fill on
// hover, so this shows the invisible hit-layer points of the hovered region (they tile it densely).
(() => {
  if (window.__triggerMapHover) return;
  window.__triggerMapHover = true;
  const LIT = "0.42";
  function attach(gd) {
    if (gd.__triggerMapHover || typeof gd.on !== "function") return;
    gd.__triggerMapHover = true;
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
          // the hit points are small; a wide round stroke makes them tile the region
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
  setInterval(() => document.querySelectorAll(".js-plotly-plot").forEach(attach), 300);
})();
