// wiretag dashboard: polls the JSON API and redraws. Text from stories is only ever set with
// textContent (never as markup), so a headline holding <script> shows as text.
"use strict";
(function () {
  const EVERY_MS = 5000;

  function el(tag, text, cls) {
    const e = document.createElement(tag);
    if (text !== undefined && text !== null) { e.textContent = String(text); }
    if (cls) { e.className = cls; }
    return e;
  }

  function replace(id, node) {
    const old = document.getElementById(id);
    if (old) { node.id = id; old.replaceWith(node); }
  }

  async function get(path) {
    const r = await fetch(path, { cache: "no-store" });
    if (!r.ok) { throw new Error(path + " answered " + r.status); }
    return r.json();
  }

  function label(t) { return t.name || t.id; }

  function drawCounts(now, hour) {
    const perMinute = new Map(now.items.map(function (t) { return [t.id, t.count]; }));
    const table = el("table");
    const head = el("tr");
    ["topic", "last minute", "last hour"].forEach(function (h) { head.appendChild(el("th", h)); });
    table.appendChild(el("thead")).appendChild(head);
    const body = table.appendChild(el("tbody"));
    hour.items.forEach(function (t) {
      const tr = el("tr");
      tr.appendChild(el("td", label(t)));
      tr.appendChild(el("td", perMinute.get(t.id) || 0));
      tr.appendChild(el("td", t.count));
      body.appendChild(tr);
    });
    replace("counts", table);
  }

  function drawTrends(id, totals) {
    const ol = el("ol");
    totals.items.forEach(function (t) {
      const li = el("li", label(t) + " ");
      li.appendChild(el("span", t.count, "n"));
      ol.appendChild(li);
    });
    replace(id, ol);
  }

  function storyItem(s) {
    const li = el("li");
    li.appendChild(el("span", s.urgency === null || s.urgency === undefined ? "" : s.urgency, "u"));
    li.appendChild(document.createTextNode(" " + (s.headline || "") + " "));
    li.appendChild(el("small", (s.provider || "") + " " + (s.routedAt || "")));
    return li;
  }

  function drawStories(stories) {
    const div = el("div");
    Object.keys(stories.topics).forEach(function (topic) {
      div.appendChild(el("h3", topic));
      const ul = div.appendChild(el("ul"));
      stories.topics[topic].forEach(function (s) { ul.appendChild(storyItem(s)); });
    });
    div.appendChild(el("h3", "all"));
    const all = div.appendChild(el("ul"));
    stories.all.forEach(function (s) { all.appendChild(storyItem(s)); });
    replace("stories", div);
  }

  function drawAlerts(alerts) {
    const ul = el("ul");
    alerts.alerts.forEach(function (a) {
      const li = el("li", null, a.kind);
      li.appendChild(el("b", a.kind));
      const what = a.headline !== undefined && a.headline !== null ? a.headline
        : (a.name || a.key) + ": " + a.count + " stories in a minute, baseline " + a.baseline;
      li.appendChild(document.createTextNode(" " + what + " "));
      li.appendChild(el("small", a.at));
      ul.appendChild(li);
    });
    replace("alerts", ul);
  }

  async function refresh() {
    const status = document.getElementById("status");
    try {
      const [now, hour, entities, stories, alerts] = await Promise.all([
        get("/api/trends?kind=topic&minutes=1&limit=10"),
        get("/api/trends?kind=topic&minutes=60&limit=10"),
        get("/api/trends?kind=entity&minutes=60&limit=10"),
        get("/api/stories?limit=5"),
        get("/api/alerts?limit=20")
      ]);
      drawCounts(now, hour);
      drawTrends("entities", entities);
      drawTrends("topics", hour);
      drawStories(stories);
      drawAlerts(alerts);
      status.textContent = "updated " + new Date().toLocaleTimeString();
    } catch (e) {
      status.textContent = "not updated: " + e.message;
    }
  }

  refresh();
  setInterval(refresh, EVERY_MS);
})();
