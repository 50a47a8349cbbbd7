// The page script for every Plotly chart we can click (the body maps and the cycle diagram).
// It is the one place where we lean on Plotly's internals; tests/browser/test_touch.py fails
// loudly if a Plotly or Streamlit upgrade changes what it relies on.
(() => {
  if (window.__triggerMap) return;
  window.__triggerMap = true;

  // 1. One tap selects, the area under the finger. Plotly picks a clicked point from its hover
  // data, which only a mouse move sets; on a touch screen it handled a tap before the hover, so a
  // tap selected whatever the previous tap had hovered, and the browser's compatibility mouse
  // events after a tap counted as a double click, which clears the selection (both measured).
  // So a tap on a chart never reaches Plotly: it shows the hover label at the finger, finds the
  // target nearest the finger the way Plotly measures it, and reports that point through the
  // chart's own selection event, which Streamlit sends to the app. Each tap is numbered, so a
  // second tap on the same point is news too. Swipes still scroll; the lasso stays Plotly's.
  let taps = 0;
  function hoverAt(gd, touch) {
    const drag = gd.querySelector(".nsewdrag");
    if (!drag) return;
    drag.dispatchEvent(new MouseEvent("mousemove", {
      clientX: touch.clientX, clientY: touch.clientY, bubbles: true, cancelable: true, view: window,
    }));
  }
  function nearestTarget(gd, touch) {
    const drag = gd.querySelector(".nsewdrag");
    const layout = gd._fullLayout;
    if (!drag || !layout) return null;
    const box = drag.getBoundingClientRect();
    const px = touch.clientX - box.left;
    const py = touch.clientY - box.top;
    if (px < 0 || py < 0 || px > box.width || py > box.height) return null;
    let best = null;
    let bestDistance = layout.hoverdistance;
    (gd._fullData || []).forEach((trace, curve) => {
      if (trace.visible !== true || !String(trace.mode).includes("markers") || !trace.x) return;
      const size = trace.marker && typeof trace.marker.size === "number" ? trace.marker.size : 6;
      const radius = Math.max(3, size / 2);
      const floor = 1 - 3 / radius;
      // a finger on a trigger point's X (a target larger than the regions') chooses the X
      const onTop = trace.name !== "regions" && trace.name !== "muscles";
      for (let i = 0; i < trace.x.length; i++) {
        const dx = layout.xaxis.l2p(trace.x[i]) - px;
        const dy = layout.yaxis.l2p(trace.y[i]) - py;
        const reach = Math.sqrt(dx * dx + dy * dy);
        const distance = onTop && reach <= radius ? -1 : Math.max(reach - radius, floor);
        if (distance < bestDistance) { bestDistance = distance; best = [curve, i]; }
      }
    });
    if (!best) return null;
    const [curve, i] = best;
    const trace = gd._fullData[curve];
    return {curveNumber: curve, pointNumber: i, pointIndex: i, x: trace.x[i], y: trace.y[i],
            customdata: trace.customdata ? trace.customdata[i] : undefined,
            data: gd.data[curve], fullData: trace, tap: ++taps};
  }
  function tapToSelect(gd) {
    let start = null;
    const ownedByPlotly = () => ["lasso", "select"].includes((gd._fullLayout || {}).dragmode);
    // capture: runs before Plotly's own handlers on the drag layer inside the chart
    gd.addEventListener("touchstart", (event) => {
      start = null;
      if (event.touches.length !== 1 || ownedByPlotly()) return;
      start = event.touches[0];
      hoverAt(gd, start);
      event.stopPropagation();
    }, {capture: true, passive: true});
    gd.addEventListener("touchend", (event) => {
      const touch = event.changedTouches[0];
      if (!start || !touch) return;
      const moved = Math.hypot(touch.clientX - start.clientX, touch.clientY - start.clientY);
      start = null;
      event.stopPropagation();
      if (moved > 10) return;  // a swipe: the page scrolled
      if (event.cancelable) event.preventDefault();  // no compatibility mouse events
      const point = nearestTarget(gd, touch);
      if (point) {
        awaitAnswer();
        gd.emit("plotly_selected", {points: [point]});
      }
    }, {capture: true, passive: false});
  }

  // 2. Light a body region (or, with the muscles layer on, a muscle) while the pointer is over it:
  // Plotly cannot restyle one region's fill on hover, so this shows the invisible hit-layer points
  // of the hovered region.
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
      if (!point || !["regions", "muscles"].includes(point.data.name) || point.data.mode !== "markers") return;
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
          nodes[i].style.stroke = window.tmMarkedColour;
          nodes[i].style.strokeWidth = "16px";
          nodes[i].style.strokeLinejoin = "round";
          lit.push(nodes[i]);
        }
      });
      gd.dataset.litRegion = point.customdata;
    });
    gd.on("plotly_unhover", () => { clear(); delete gd.dataset.litRegion; });
  }

  // 3. Share: the Share button beside the panel heading (ui/share.py) sends the view's link
  // through the phone's share sheet, or copies it. On a page whose box asks for it, the address bar
  // follows the view on screen (replaceState: no rerun, no history entry), so a reload or the
  // browser's own Share sends it; the Body map keeps its address itself, a step in the history a view.
  function shareLink(box) {
    const query = box.dataset.query || "";
    return location.origin + location.pathname + (query ? "?" + query : "");
  }
  function copyText(text) {
    if (navigator.clipboard && window.isSecureContext) return navigator.clipboard.writeText(text);
    const area = document.createElement("textarea");
    area.value = text;
    area.setAttribute("readonly", "");
    area.style.position = "fixed";
    area.style.opacity = "0";
    document.body.appendChild(area);
    area.select();
    const copied = document.execCommand("copy");
    area.remove();
    return copied ? Promise.resolve() : Promise.reject(new Error("copy refused"));
  }
  document.addEventListener("click", (event) => {
    const button = event.target.closest && event.target.closest(".tm-share-button");
    if (!button) return;
    const box = button.closest(".tm-share");
    const status = box.querySelector(".tm-share-status");
    const url = shareLink(box);
    const say = (text) => { if (status) status.textContent = text; };
    if (navigator.share) {
      navigator.share({title: box.dataset.title || document.title, url}).catch(() => {});
    } else {
      copyText(url).then(() => say("Link copied"), () => say(url));
    }
  });
  function followView() {
    const box = document.querySelector(".tm-share");
    if (!box || box.dataset.address !== "follow") return;  // the page keeps its address itself
    const url = shareLink(box);
    if (url !== location.href) history.replaceState(history.state, "", url);
  }

  // 4. The answer in view: on a narrow screen the panel is under the map, so after a tap the
  // chosen area's heading and first suggestion are scrolled into view once the app has answered.
  // The answer counts when its heading is not the one on screen at the tap, or a run has ended
  // since. Checked on a timer while an answer is awaited, not only when a run ends: when the
  // browser is busy, Streamlit can mark a run's start and end in one go, and the page's run state
  // then never changes (seen with the processor slowed 6 times). The page can still move for a
  // moment after the answer is drawn, so the check repeats for a short while after the heading is
  // first there, unless the page was scrolled (not by this check) or a key pressed meanwhile.
  const ANSWER_WAIT = 30000;  // ms after the tap: a slow server still gets its answer shown
  const ANSWER_SETTLE = 1600;  // ms after the heading is there
  let answerWanted = 0;
  let answerBefore = null;
  let answerRan = false;
  let answerSeen = 0;
  let answerTimer = 0;
  let answerScroller = null;  // what scrolls the answer (Streamlit's main section, not the window)
  let answerLeftAt = null;  // where this check left (or found) its scroll position at its last look
  const answerHeading = () => {
    const answer = document.querySelector(".st-key-answer");
    return answer && answer.querySelector("h3");
  };
  const scrollerOf = (element) => {
    for (let node = element.parentElement; node; node = node.parentElement) {
      if (node.scrollHeight > node.clientHeight && /(auto|scroll)/.test(getComputedStyle(node).overflowY)) return node;
    }
    return document.scrollingElement;
  };
  function stopAnswer() {
    answerWanted = 0; answerBefore = null; answerRan = false; answerSeen = 0;
    answerScroller = null; answerLeftAt = null;
    clearInterval(answerTimer);
    answerTimer = 0;
  }
  function awaitAnswer() {
    stopAnswer();
    answerWanted = Date.now();
    answerBefore = answerHeading();
    answerTimer = setInterval(showAnswer, 200);
  }
  // The position is compared, not the time since this check scrolled: a scroll made between two
  // looks shows in the position at once, before its scroll event is delivered.
  const movedByOthers = () =>
    answerScroller !== null && answerLeftAt !== null && Math.abs(answerScroller.scrollTop - answerLeftAt) > 1;
  function showAnswer() {
    if (!answerWanted) return;
    const now = Date.now();
    if (now - answerWanted > ANSWER_WAIT || (answerSeen && now - answerSeen > ANSWER_SETTLE)) { stopAnswer(); return; }
    if (answerSeen && movedByOthers()) { stopAnswer(); return; }
    const app = document.querySelector("[data-testid=stApp]");
    if (app && app.dataset.testScriptState !== "notRunning") return;
    const answer = document.querySelector(".st-key-answer");
    if (!answer || window.innerWidth > 640) { stopAnswer(); return; }
    const heading = answer.querySelector("h3");
    if (!heading || (heading === answerBefore && !answerRan)) return;
    answerSeen = answerSeen || now;
    const first = answer.querySelector("[data-testid=stSelectbox]") || heading;
    const bottom = first.getBoundingClientRect().bottom;
    const top = heading.getBoundingClientRect().top;
    if (top < 0 || bottom > window.innerHeight) heading.scrollIntoView({block: "start", behavior: "instant"});
    answerScroller = scrollerOf(heading);
    answerLeftAt = answerScroller.scrollTop;
  }
  // Any other scroll (the person's, or a script's) or a key wins over the answer's: only the
  // layout moving under a page left alone is corrected. Before the answer is drawn, only what a
  // person does (a wheel, a swipe, a key) counts: the page moves on its own while a run draws.
  const byThePerson = (event) => {
    if (!answerSeen) {
      // still awaited: a person's wheel, swipe or key moves the page where they want it, and the
      // answer must not pull it back (a scroll alone may be the layout moving during the run)
      if (answerWanted && event.type !== "scroll") stopAnswer();
      return;
    }
    if (event.type === "scroll") {
      const scrolled = event.target === document ? document.scrollingElement : event.target;
      if (scrolled !== answerScroller || !movedByOthers()) return;
    }
    stopAnswer();
  };
  ["scroll", "wheel", "touchmove", "keydown"].forEach((type) => {
    document.addEventListener(type, byThePerson, {capture: true, passive: true});
  });

  function attach(gd) {
    if (gd.__triggerMap || typeof gd.on !== "function") return;
    gd.__triggerMap = true;
    tapToSelect(gd);
    lightOnHover(gd);
  }
  // 5. For screen readers: Streamlit's page menu on a phone wraps its list items in plain boxes,
  // which breaks the list for assistive technology; and the app's pictures are decoration (below):
  // the map's chart carries its description and the panel says the pattern in words.
  function tidyForScreenReaders() {
    document.querySelectorAll("img:not([alt])").forEach((img) => { img.alt = ""; });
    document.querySelectorAll("ul > div:not([role])").forEach((group) => {
      if (!group.querySelector(":scope > li")) return;
      group.parentElement.setAttribute("role", "none");  // each group of pages becomes its own list
      group.setAttribute("role", "list");
    });
  }

  // 6. A link to the page being shown (a condition in the list on Conditions) changes what the page
  // shows, and Streamlit draws that where the list was, with the page still scrolled to the link.
  // The page goes back to its top at the click, as it does when a link opens another page.
  document.addEventListener("click", (event) => {
    const link = event.target.closest && event.target.closest("[data-testid=stPageLink] a[href]");
    if (!link || new URL(link.href, location.href).pathname !== location.pathname) return;
    scrollerOf(link).scrollTo({top: 0, behavior: "instant"});
  }, {capture: true, passive: true});

  // The page is looked over each time the app finishes a run (Streamlit marks its state on the
  // app's root), not on every change while it draws: that work would add to every click. A chart
  // is also taken on at the first pointer or finger over it, whenever it was drawn.
  const scan = () => {
    tidyForScreenReaders();
    document.querySelectorAll(".js-plotly-plot").forEach(attach);
    followView();
    showAnswer();
  };
  const afterRun = () => { scan(); [150, 600, 1500, 3000].forEach((ms) => setTimeout(scan, ms)); };
  const takeChart = (event) => {
    const gd = event.target.closest && event.target.closest(".js-plotly-plot");
    if (gd) attach(gd);
  };
  document.addEventListener("touchstart", takeChart, {capture: true, passive: true});
  document.addEventListener("mouseover", takeChart, {capture: true, passive: true});
  // pictures get their empty alt as soon as they are drawn (a check of the added nodes only), and
  // the address bar follows a new Share box as soon as it is drawn, whenever the run ends
  let follow = 0;
  new MutationObserver((records) => {
    let shared = false;
    for (const record of records) {
      if (record.type === "attributes") { shared = true; continue; }  // a Share box's data-query
      for (const node of record.addedNodes) {
        if (node.nodeType !== 1) continue;
        if (node.tagName === "IMG" && !node.hasAttribute("alt")) node.alt = "";
        else if (node.firstElementChild) node.querySelectorAll("img:not([alt])").forEach((img) => { img.alt = ""; });
        if (node.classList.contains("tm-share") || (node.firstElementChild && node.querySelector(".tm-share"))) {
          shared = true;
        }
      }
    }
    if (shared && !follow) follow = requestAnimationFrame(() => { follow = 0; followView(); });
  }).observe(document.body, {childList: true, subtree: true, attributes: true, attributeFilter: ["data-query"]});
  // (watched on the whole page, not one element: Streamlit may draw its root anew)
  new MutationObserver((records) => {
    if (answerWanted && records.some((r) => r.oldValue === "running")) answerRan = true;
    if (records.some((r) => r.target.dataset && r.target.dataset.testScriptState === "notRunning")) {
      requestAnimationFrame(afterRun);
    }
  }).observe(document.documentElement, {attributes: true, subtree: true, attributeOldValue: true,
                                         attributeFilter: ["data-test-script-state"]});
  afterRun();
})();
