// wiretag dashboard: polls the JSON API and redraws. Text from stories is only ever set with
// textContent or setAttribute (never as markup), so a headline holding <script> shows as text.
// Charts are inline SVG built here from the per-minute series of /api/trends/<kind>/<id>.
"use strict";
(function () {
  const EVERY_MS = 5000;
  const SHOWN = 10;
  const SVG = "http://www.w3.org/2000/svg";
  const MINUTE = 60000;
  const params = new URLSearchParams(window.location.search);
  const filter = { topic: params.get("topic") || null, entity: params.get("entity") || null };
  let hours = [1, 6, 24].indexOf(Number(params.get("hours"))) >= 0 ? Number(params.get("hours")) : 1;
  let chosen = filter.entity ? { kind: "entity", id: filter.entity } : filter.topic ? { kind: "topic", id: filter.topic } : null;

  function el(tag, text, cls) {
    const e = document.createElement(tag);
    if (text !== undefined && text !== null) { e.textContent = String(text); }
    if (cls) { e.className = cls; }
    return e;
  }

  function svg(tag, attrs) {
    const e = document.createElementNS(SVG, tag);
    Object.keys(attrs || {}).forEach(function (k) { e.setAttribute(k, String(attrs[k])); });
    return e;
  }

  function link(text, href) {
    const a = el("a", text);
    a.setAttribute("href", href);
    return a;
  }

  function replace(id, node) {
    const old = document.getElementById(id);
    if (old) { node.id = id; old.replaceWith(node); }
  }

  async function get(path) {
    const r = await fetch(path, { cache: "no-store" });
    if (!r.ok) {
      let why = "";
      try { why = (await r.json()).error || ""; } catch (e) { why = ""; }
      throw new Error(path + " answered " + r.status + (why ? ": " + why : ""));
    }
    return r.json();
  }

  function q(extra) {
    const p = new URLSearchParams(extra);
    if (filter.topic) { p.set("topic", filter.topic); }
    if (filter.entity) { p.set("entity", filter.entity); }
    return p.toString();
  }

  function filterHref(kind, id) {
    const p = new URLSearchParams();
    p.set(kind, id);
    if (hours !== 1) { p.set("hours", String(hours)); }
    return "/?" + p.toString();
  }

  function label(t) { return t.name || t.id; }

  // --- per-minute series: one count per minute of the range, oldest first, 0 where nothing was counted
  function buckets(series, minutes, now) {
    const end = Math.floor(now / MINUTE) * MINUTE;
    const start = end - (minutes - 1) * MINUTE;
    const counts = new Array(minutes).fill(0);
    series.forEach(function (m) {
      const i = Math.round((Date.parse(m.windowStart) - start) / MINUTE);
      if (i >= 0 && i < minutes) { counts[i] += m.count; }
    });
    return { start: start, counts: counts };
  }

  function points(counts, w, h, pad) {
    const max = Math.max(1, Math.max.apply(null, counts));
    const step = counts.length > 1 ? (w - 2 * pad) / (counts.length - 1) : 0;
    return counts.map(function (c, i) {
      return [pad + i * step, h - pad - (c / max) * (h - 2 * pad)];
    });
  }

  function sparkline(b) {
    const w = 120, h = 24;
    const s = svg("svg", { "class": "spark", viewBox: "0 0 " + w + " " + h, width: w, height: h, role: "img" });
    const total = b.counts.reduce(function (a, c) { return a + c; }, 0);
    s.setAttribute("data-total", String(total));
    s.appendChild(svg("polyline", {
      points: points(b.counts, w, h, 2).map(function (p) { return p[0].toFixed(1) + "," + p[1].toFixed(1); }).join(" ")
    }));
    return s;
  }

  function timeLabel(ms) {
    const d = new Date(ms);
    return String(d.getUTCHours()).padStart(2, "0") + ":" + String(d.getUTCMinutes()).padStart(2, "0");
  }

  function bigChart(b, name) {
    const w = 720, h = 220, pad = 28;
    const s = svg("svg", { "class": "chart", viewBox: "0 0 " + w + " " + h, role: "img" });
    const total = b.counts.reduce(function (a, c) { return a + c; }, 0);
    const max = Math.max(1, Math.max.apply(null, b.counts));
    s.setAttribute("data-total", String(total));
    s.setAttribute("aria-label", name + ": " + total + " stories in the last " + hours + " h");
    const pts = points(b.counts, w, h, pad);
    s.appendChild(svg("line", { x1: pad, y1: h - pad, x2: w - pad, y2: h - pad, "class": "axis" }));
    s.appendChild(svg("line", { x1: pad, y1: pad, x2: pad, y2: h - pad, "class": "axis" }));
    const area = "M" + pts[0][0].toFixed(1) + "," + (h - pad) + " " + pts.map(function (p) {
      return "L" + p[0].toFixed(1) + "," + p[1].toFixed(1);
    }).join(" ") + " L" + pts[pts.length - 1][0].toFixed(1) + "," + (h - pad) + " Z";
    s.appendChild(svg("path", { d: area, "class": "area" }));
    s.appendChild(svg("path", { d: "M" + pts.map(function (p) { return p[0].toFixed(1) + "," + p[1].toFixed(1); }).join(" L"), "class": "line" }));
    b.counts.forEach(function (c, i) {
      if (c > 0) {
        const dot = svg("circle", { cx: pts[i][0].toFixed(1), cy: pts[i][1].toFixed(1), r: 3, "data-count": c });
        const t = svg("title");
        t.textContent = c + " at " + timeLabel(b.start + i * MINUTE) + " UTC";
        dot.appendChild(t);
        s.appendChild(dot);
      }
    });
    const yMax = svg("text", { x: pad - 4, y: pad + 4, "class": "tick", "text-anchor": "end" });
    yMax.textContent = String(max);
    s.appendChild(yMax);
    const y0 = svg("text", { x: pad - 4, y: h - pad + 4, "class": "tick", "text-anchor": "end" });
    y0.textContent = "0";
    s.appendChild(y0);
    [0, 0.5, 1].forEach(function (f) {
      const x = pad + f * (w - 2 * pad);
      const t = svg("text", { x: x.toFixed(1), y: h - pad + 16, "class": "tick", "text-anchor": f === 0 ? "start" : f === 1 ? "end" : "middle" });
      t.textContent = timeLabel(b.start + Math.round(f * (b.counts.length - 1)) * MINUTE) + (f === 1 ? " UTC" : "");
      s.appendChild(t);
    });
    return s;
  }

  async function series(kind, id) {
    return get("/api/trends/" + encodeURIComponent(kind) + "/" + encodeURIComponent(id) + "?minutes=" + hours * 60);
  }

  async function drawTrends(listId, kind, totals, now) {
    const ol = el("ol", null, "trends");
    const all = await Promise.all(totals.items.map(function (t) { return series(kind, t.id); }));
    totals.items.forEach(function (t, i) {
      const li = el("li");
      if (chosen && chosen.kind === kind && chosen.id === t.id) { li.className = "chosen"; }
      li.appendChild(link(label(t), filterHref(kind, t.id)));
      const button = el("button", null, "spark-button");
      button.setAttribute("type", "button");
      button.setAttribute("title", "chart " + label(t));
      button.appendChild(sparkline(buckets(all[i].series, hours * 60, now)));
      button.addEventListener("click", function () { chosen = { kind: kind, id: t.id }; refresh(); });
      li.appendChild(button);
      li.appendChild(el("span", t.count, "n"));
      ol.appendChild(li);
    });
    replace(listId, ol);
    document.getElementById(listId + "-range").textContent = "last " + hours + " h";
  }

  async function drawChart(now) {
    if (!chosen) { return; }
    const s = await series(chosen.kind, chosen.id);
    const div = el("div");
    div.appendChild(bigChart(buckets(s.series, hours * 60, now), s.name || s.id));
    replace("chart", div);
    document.getElementById("chart-title").textContent = (s.name || s.id) + " (" + chosen.kind + "): " + s.total
      + (s.total === 1 ? " story" : " stories") + " in the last " + hours + " h, per minute";
    document.querySelectorAll("button[data-hours]").forEach(function (b) {
      b.className = Number(b.getAttribute("data-hours")) === hours ? "on" : "";
    });
  }

  function drawCounts(nowTotals, range) {
    const perMinute = new Map(nowTotals.items.map(function (t) { return [t.id, t.count]; }));
    const table = el("table");
    const head = el("tr");
    ["topic", "last minute", "last " + hours + " h"].forEach(function (h) { head.appendChild(el("th", h)); });
    table.appendChild(el("thead")).appendChild(head);
    const body = table.appendChild(el("tbody"));
    range.items.forEach(function (t) {
      const tr = el("tr");
      tr.appendChild(el("td")).appendChild(link(label(t), filterHref("topic", t.id)));
      tr.appendChild(el("td", perMinute.get(t.id) || 0));
      tr.appendChild(el("td", t.count));
      body.appendChild(tr);
    });
    replace("counts", table);
  }

  function storyItem(s) {
    const li = el("li");
    li.appendChild(el("span", s.urgency === null || s.urgency === undefined ? "" : s.urgency, "u"));
    li.appendChild(document.createTextNode(" "));
    li.appendChild(link(s.headline || s.id, "/story?id=" + encodeURIComponent(s.id)));
    li.appendChild(document.createTextNode(" "));
    li.appendChild(el("small", (s.provider || "") + " " + (s.routedAt || "")));
    return li;
  }

  function drawStories(stories) {
    const div = el("div");
    function list(title, cards) {
      div.appendChild(el("h3", title));
      const ul = div.appendChild(el("ul"));
      cards.forEach(function (s) { ul.appendChild(storyItem(s)); });
      if (cards.length === 0) { ul.appendChild(el("li", "none", "none")); }
    }
    if (stories.stories) {
      list(stories.topic, stories.stories);
    } else {
      Object.keys(stories.topics).forEach(function (topic) {
        if (stories.topics[topic].length > 0) { list(topic, stories.topics[topic]); }
      });
      list("all", stories.all);
    }
    replace("stories", div);
  }

  function alertText(a) {
    if (a.kind === "watch" && a.watch) { return a.watch + " (version " + a.version + "): " + (a.headline || a.storyId); }
    if (a.headline !== undefined && a.headline !== null) { return a.headline; }
    if (a.kind === "quiet" || a.kind === "resumed") { return (a.feed || "") + " silent " + a.silentSeconds + " s (usual gap " + a.usualGapSeconds + " s)"; }
    if (a.kind === "surge" && a.explanation) { return (a.name || a.key) + ": " + a.explanation; }
    if (a.kind === "surge") { return (a.name || a.key) + ": " + a.count + " stories in a minute, baseline " + a.baseline + " a minute"; }
    return a.id || a.kind;
  }

  function drawAlerts(alerts) {
    const ul = el("ul");
    alerts.alerts.forEach(function (a) {
      const li = el("li", null, a.kind);
      li.appendChild(el("b", a.kind));
      li.appendChild(document.createTextNode(" "));
      if (a.storyId) {
        li.appendChild(link(alertText(a), "/story?id=" + encodeURIComponent(a.storyId)));
      } else {
        li.appendChild(document.createTextNode(alertText(a)));
      }
      li.appendChild(document.createTextNode(" "));
      li.appendChild(el("small", a.at));
      ul.appendChild(li);
    });
    if (alerts.alerts.length === 0) { ul.appendChild(el("li", "none", "none")); }
    replace("alerts", ul);
  }

  function drawDlq(d) {
    const div = el("div");
    div.appendChild(el("p", d.read + (d.read === 1 ? " refusal" : " refusals") + " read: the newest of each partition, at most "
      + d.perPartition + " per partition", "sub"));
    const counts = div.appendChild(el("table", null, "by-reason"));
    const head = el("tr");
    ["reason", "count"].forEach(function (h) { head.appendChild(el("th", h)); });
    counts.appendChild(el("thead")).appendChild(head);
    const cb = counts.appendChild(el("tbody"));
    Object.keys(d.byReason).forEach(function (r) {
      const tr = el("tr");
      tr.appendChild(el("td", r, "reason"));
      tr.appendChild(el("td", d.byReason[r]));
      cb.appendChild(tr);
    });
    div.appendChild(el("h3", "newest"));
    const ul = div.appendChild(el("ul", null, "refusals"));
    d.newest.forEach(function (f) {
      const li = el("li");
      li.appendChild(el("b", f.stage || "?"));
      li.appendChild(document.createTextNode(" "));
      li.appendChild(el("span", f.reason || "(no reason given)", "reason"));
      li.appendChild(el("small", " " + (f.source || "") + (f.provider ? " from " + f.provider : "") + " · " + f.bytes + " bytes · "
        + (f.origin || "") + " · " + f.at + (f.exception ? " · " + f.exception : "")));
      ul.appendChild(li);
    });
    if (d.newest.length === 0) { ul.appendChild(el("li", "nothing refused", "none")); }
    replace("dlq", div);
  }

  function num(x, digits) { return typeof x === "number" ? x.toFixed(digits) : String(x); }

  function drawHealth(p) {
    const div = el("div");
    const state = div.appendChild(el("p", null, p.ready ? "ok" : "bad"));
    state.appendChild(el("b", p.ready ? "ready" : "not ready"));
    state.appendChild(document.createTextNode(" · Kafka Streams " + p.streams + " · broker " + (p.brokerReachable ? "reachable" : "NOT reachable")));
    if (p.reason) { div.appendChild(el("p", p.reason, "error")); }
    const t = div.appendChild(el("table", null, "lag"));
    const head = el("tr");
    ["topic read", "lag (records)", "end offset", "partitions"].forEach(function (h) { head.appendChild(el("th", h)); });
    t.appendChild(el("thead")).appendChild(head);
    const tb = t.appendChild(el("tbody"));
    p.lag.forEach(function (l) {
      const tr = el("tr");
      const name = tr.appendChild(el("td", l.shortName || l.topic, l.internal ? "internal" : null));
      name.setAttribute("title", l.topic + (l.internal ? " (internal topic of the app)" : ""));
      tr.appendChild(el("td", l.lag, "lag-value"));
      tr.appendChild(el("td", l.end));
      tr.appendChild(el("td", l.partitions));
      tb.appendChild(tr);
    });
    if (!p.lagKnown) { div.appendChild(el("p", "lag unknown: the cluster did not answer", "error")); }
    div.appendChild(el("p", "records/s in " + num(p.recordsInPerSecond, 1) + " · out " + num(p.recordsOutPerSecond, 1)
      + " · processed/s " + num(p.processPerSecond, 1)));
    div.appendChild(el("p", "commits/s " + num(p.commitsPerSecond, 2) + " · commit latency " + num(p.commitLatencyMs, 1) + " ms · "
      + p.commitsTotal + " commits · last seen " + (p.lastCommitSeen || "not since this page's first look")));
    replace("health", div);
  }

  async function refresh() {
    const status = document.getElementById("status");
    const now = Date.now();
    try {
      const minutes = hours * 60;
      const [nowTotals, topics, entities, stories, alerts] = await Promise.all([
        get("/api/trends?kind=topic&minutes=1&limit=" + SHOWN),
        get("/api/trends?kind=topic&minutes=" + minutes + "&limit=" + SHOWN),
        get("/api/trends?kind=entity&minutes=" + minutes + "&limit=" + SHOWN),
        get("/api/stories?" + q({ limit: "5" })),
        get("/api/alerts?" + q({ limit: "20" }))
      ]);
      if (!chosen && entities.items.length > 0) { chosen = { kind: "entity", id: entities.items[0].id }; }
      drawCounts(nowTotals, topics);
      await Promise.all([drawTrends("entities", "entity", entities, now), drawTrends("topics", "topic", topics, now), drawChart(now)]);
      drawStories(stories);
      drawAlerts(alerts);
      const problems = [];
      await Promise.all([
        get("/api/dlq").then(drawDlq, function (e) { problems.push(e.message); }),
        get("/api/pipeline").then(drawHealth, function (e) { problems.push(e.message); })
      ]);
      status.textContent = problems.length === 0 ? "updated " + new Date().toLocaleTimeString() : "partly updated: " + problems.join("; ");
    } catch (e) {
      status.textContent = "not updated: " + e.message;
    }
  }

  document.querySelectorAll("button[data-hours]").forEach(function (b) {
    b.addEventListener("click", function () { hours = Number(b.getAttribute("data-hours")); refresh(); });
  });
  refresh();
  setInterval(refresh, EVERY_MS);
})();
