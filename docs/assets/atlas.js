/* MLOps Atlas: progressive enhancement for generated pages. Contributed text is only ever set with
   textContent (never innerHTML), and links only accept https:// or same-site relative targets. */
(function () {
  "use strict";

  function el(tag, attrs, children) {
    var node = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (k) {
      if (k === "text") node.textContent = attrs[k];
      else if (k === "className") node.className = attrs[k];
      else node.setAttribute(k, attrs[k]);
    });
    (children || []).forEach(function (c) { if (c) node.appendChild(typeof c === "string" ? document.createTextNode(c) : c); });
    return node;
  }

  function safeHref(url) {
    return typeof url === "string" && /^https:\/\//i.test(url) ? url : null;
  }

  function params() { return new URLSearchParams(window.location.search); }

  function writeParams(update) {
    var p = params();
    Object.keys(update).forEach(function (k) {
      if (update[k] === null || update[k] === "" || update[k] === false) p.delete(k); else p.set(k, update[k]);
    });
    var query = p.toString().replace(/%2C/g, ",");
    history.replaceState(null, "", window.location.pathname + (query ? "?" + query : "") + window.location.hash);
  }

  /* ---- Category comparison tables: sort, filter, toggles; state in the URL. ---- */
  var FILTER_KEYS = ["oss", "selffree", "self", "free", "active"];
  var MAX_COMPARE = 4;

  function initTable(box) {
    var form = box.querySelector("form");
    var table = box.querySelector("table");
    var tbody = table.tBodies[0];
    var count = box.querySelector(".atlas-table-count");
    var headers = Array.prototype.slice.call(table.tHead.rows[0].cells);
    var rows = Array.prototype.slice.call(tbody.rows).map(function (tr, index) {
      return { tr: tr, index: index, text: tr.textContent.toLowerCase(), cells: tr.cells, visible: true };
    });
    var state = { sort: null, dir: "asc" };
    form.hidden = false;
    var link = document.querySelector('[data-atlas-compare-link="' + table.id + '"]');
    var which = link && link.parentNode.querySelector("[data-atlas-compare-which]");
    var ticks = [];
    if (link) {
      /* A tick box per row: the reader's own choice for "Compare side by side" (at most MAX_COMPARE). */
      rows.forEach(function (r) {
        var name = r.tr.cells[0].querySelector("a");
        var box = el("input", { type: "checkbox", className: "atlas-pick", value: r.tr.getAttribute("data-id"),
                                "aria-label": "Compare " + (name ? name.textContent : r.tr.getAttribute("data-id")) });
        r.tr.cells[0].insertBefore(box, r.tr.cells[0].firstChild);
        ticks.push(box);
      });
      tbody.addEventListener("change", function (e) { if (e.target.classList.contains("atlas-pick")) updateLink(); });
      count.insertAdjacentElement("afterend", el("p", { className: "atlas-note", text: "Tick up to " + MAX_COMPARE + " tools to compare them side by side." }));
    }

    /* The compare link: the ticked tools in table order, or else the first visible rows (filters and sort apply). */
    function updateLink() {
      if (!link) return;
      var ticked = ticks.filter(function (b) { return b.checked; });
      ticks.forEach(function (b) { b.disabled = !b.checked && ticked.length >= MAX_COMPARE; });
      var ids, words;
      if (ticked.length >= 1) {
        ids = Array.prototype.filter.call(tbody.rows, function (tr) { var b = tr.cells[0].querySelector(".atlas-pick"); return b && b.checked; })
          .map(function (tr) { return tr.getAttribute("data-id"); });
        words = "(the " + ids.length + " ticked tool" + (ids.length === 1 ? "" : "s") + "; add or remove tools on the compare page)";
      } else {
        ids = Array.prototype.filter.call(tbody.rows, function (tr) { return !tr.hidden; }).slice(0, MAX_COMPARE).map(function (tr) { return tr.getAttribute("data-id"); });
        words = "(the first " + ids.length + " tools the table shows; tick tools to choose others)";
      }
      link.href = link.getAttribute("data-root") + "compare/?tools=" + ids.join(",");
      link.setAttribute("aria-disabled", ids.length ? "false" : "true");
      if (which) which.textContent = words;
    }

    function apply() {
      var q = form.elements.q.value.trim().toLowerCase();
      var wanted = FILTER_KEYS.filter(function (k) { return form.elements[k].checked; });
      var shown = 0;
      rows.forEach(function (r) {
        var ok = (!q || r.text.indexOf(q) !== -1) && wanted.every(function (k) { return r.tr.getAttribute("data-" + k) === "1"; });
        if (ok !== r.visible) { r.tr.hidden = !ok; r.visible = ok; }
        if (ok) shown++;
      });
      count.textContent = "Showing " + shown + " of " + rows.length + " tools.";
      updateLink();
      var update = { filter: q };  /* not "q": the theme opens its search box for ?q= */
      FILTER_KEYS.forEach(function (k) { update[k] = form.elements[k].checked ? "1" : null; });
      update.sort = state.sort; update.dir = state.sort ? state.dir : null;
      writeParams(update);
    }

    function sortBy(key, dir) {
      var column = headers.findIndex(function (th) { return th.getAttribute("data-key") === key; });
      if (column < 0) return;
      var numeric = headers[column].getAttribute("data-sort") === "number";
      var sign = dir === "desc" ? -1 : 1;
      var keyed = rows.map(function (r) {
        var cell = r.cells[column];
        var raw = cell.hasAttribute("data-value") ? cell.getAttribute("data-value") : cell.textContent.trim().toLowerCase();
        return { r: r, k: numeric ? Number(raw) : raw };
      });
      keyed.sort(function (a, b) {
        if (a.k < b.k) return -sign;
        if (a.k > b.k) return sign;
        return a.r.index - b.r.index;
      });
      var fragment = document.createDocumentFragment();
      keyed.forEach(function (x) { fragment.appendChild(x.r.tr); });
      tbody.appendChild(fragment);
      headers.forEach(function (th, i) {
        th.setAttribute("aria-sort", i === column ? (dir === "desc" ? "descending" : "ascending") : "none");
      });
      state.sort = key; state.dir = dir;
    }

    headers.forEach(function (th) {
      var button = th.querySelector("button.atlas-sort");
      if (!button) return;
      button.addEventListener("click", function () {
        var key = th.getAttribute("data-key");
        var numeric = th.getAttribute("data-sort") === "number";
        var dir = state.sort === key ? (state.dir === "asc" ? "desc" : "asc") : (numeric ? "desc" : "asc");
        sortBy(key, dir);
        apply();
      });
    });
    form.addEventListener("input", apply);
    form.addEventListener("change", apply);
    form.addEventListener("submit", function (e) { e.preventDefault(); });
    form.addEventListener("reset", function () { setTimeout(apply, 0); });

    var p = params();
    form.elements.q.value = p.get("filter") || "";
    FILTER_KEYS.forEach(function (k) { form.elements[k].checked = p.get(k) === "1"; });
    if (p.get("sort")) sortBy(p.get("sort"), p.get("dir") === "desc" ? "desc" : "asc");
    apply();
  }

  /* ---- Reach matrix ("amoeba"): sort by breadth or name, filter by stage. ---- */
  function initReach(box) {
    var form = box.querySelector("form");
    var table = box.querySelector("table");
    var tbody = table.tBodies[0];
    var rows = Array.prototype.slice.call(tbody.rows);
    var cells = Array.prototype.slice.call(table.querySelectorAll("[data-stage]"));
    var countText = box.querySelector(".atlas-reach-count");
    form.hidden = false;

    function apply() {
      var stage = form.elements.stage.value;
      var sort = form.elements.sort.value;
      cells.forEach(function (c) { c.hidden = !!stage && c.getAttribute("data-stage") !== stage; });
      rows.forEach(function (r) {
        r.hidden = !!stage && (" " + r.getAttribute("data-stages") + " ").indexOf(" " + stage + " ") === -1;
      });
      var shown = rows.filter(function (r) { return !r.hidden; }).length;
      if (countText) countText.textContent = stage ? shown + " of " + rows.length + " tools reach this stage" : rows.length + " tools";
      var sorted = rows.slice().sort(function (a, b) {
        if (sort === "breadth") {
          var d = Number(b.getAttribute("data-breadth")) - Number(a.getAttribute("data-breadth"));
          if (d) return d;
        }
        return a.getAttribute("data-name") < b.getAttribute("data-name") ? -1 : 1;
      });
      var fragment = document.createDocumentFragment();
      sorted.forEach(function (r) { fragment.appendChild(r); });
      tbody.appendChild(fragment);
      writeParams({ stage: stage, sort: sort === "breadth" ? null : sort });
    }
    var p = params();
    if (p.get("stage")) form.elements.stage.value = p.get("stage");
    if (p.get("sort") === "name") form.elements.sort.value = "name";
    form.addEventListener("change", apply);
    apply();
  }

  /* ---- Interactive side-by-side compare. ----
     The rows, labels and every tool's cells come from the build (atlas/site/render/comparison_spec.py):
     api/compare.json holds the rows and the picker's list, api/compare/<id>.json one tool's cells as "parts".
     This script only fetches the chosen tools, assembles the rows (compareRows, the same steps as the Python
     `rows`) and turns parts into nodes. Lookups keyed by reader input use Map, never plain objects. */

  function partsNodes(parts, root) {
    var out = [];
    (parts || []).forEach(function (p) {
      if (p.br) out.push(el("br"));
      else if (p.answer) {
        var sym = ANSWERS.get(p.answer) || ANSWERS.get("unknown");
        out.push(el("span", { className: "atlas-answer atlas-answer--" + p.answer }, [el("span", { "aria-hidden": "true", text: sym[0] }), " " + sym[1]]));
      } else if (p.note !== undefined) out.push(el("span", { className: "atlas-note", text: p.note }));
      else if (p.link !== undefined) out.push(el("a", { href: root + p.link, text: p.text }));
      else if (p.url !== undefined) { var h = safeHref(p.url); out.push(h ? el("a", { href: h, rel: "noopener nofollow", text: p.text }) : p.text); }
      else out.push(p.text);
    });
    return out;
  }

  function compareRows(spec, cells) {
    var ignore = new Set(spec.not_a_difference);
    function differ(column) {
      var known = new Set();
      column.forEach(function (x) { if (!(typeof x.value === "string" && ignore.has(x.value))) known.add(JSON.stringify(x.value)); });
      return known.size > 1;
    }
    var rows = [];
    spec.facts.forEach(function (f) {
      var column = cells.map(function (c) { return c.facts[f.key]; });
      rows.push({ label: f.label, help: "", differs: f.differ && differ(column), cells: column.map(function (x) { return x.parts; }) });
    });
    function known(column) {
      return column.filter(function (x) { return !(typeof x.value === "string" && ignore.has(x.value)); }).length;
    }
    var need = cells.length > 1 ? 2 : 1;
    var folded = [];
    spec.categories.forEach(function (cat) {
      if (cells.filter(function (c) { return c.categories.indexOf(cat.id) !== -1; }).length < need) return;
      var group = [], comparable = false;
      cat.criteria.forEach(function (k) {
        var column = cells.map(function (c) {
          var answers = Object.prototype.hasOwnProperty.call(c.criteria, cat.id) ? c.criteria[cat.id] : null;
          return answers && Object.prototype.hasOwnProperty.call(answers, k.id) ? answers[k.id] : { value: "n/a", parts: [{ note: "Not in this category" }] };
        });
        comparable = comparable || known(column) >= need;
        group.push({ label: k.label, help: k.help, differs: differ(column), cells: column.map(function (x) { return x.parts; }) });
      });
      /* A category with no answers to compare comes last, folded (comparison_spec.rows does the same). */
      var head = { label: cat.title, group: { link: "categories/" + cat.id + "/", text: cat.title }, collapsed: !comparable };
      var target = comparable ? rows : folded;
      target.push.apply(target, [head].concat(group));
    });
    return rows.concat(folded);
  }

  var ANSWERS = new Map();

  function initCompare(box) {
    var root = box.getAttribute("data-root");
    var max = Number(box.getAttribute("data-max")) || 4;
    var form = box.querySelector("form");
    var input = form.querySelector("input");
    var options = form.querySelector("datalist");
    var chosenList = form.querySelector(".atlas-compare-chosen");
    var message = box.querySelector(".atlas-compare-message");
    var result = box.querySelector(".atlas-compare-result");
    var add = form.querySelector("button[type=submit]");
    /* The page must not move when the data arrives (Lighthouse measures it as layout shift): a small
       script in the page (compare.py) already showed the picker, wrote "Loading the catalog…" and, for
       a comparison asked for in the address, reserved room for the table (class atlas-compare-pending).
       The picker waits for the index. */
    input.disabled = add.disabled = true;
    result.setAttribute("aria-busy", "true");
    var cellsById = new Map();
    function getJson(url) { return fetch(url).then(function (r) { if (!r.ok) throw new Error("HTTP " + r.status); return r.json(); }); }
    function cellsOf(id) {
      if (!cellsById.has(id)) cellsById.set(id, getJson(root + "api/compare/" + encodeURIComponent(id) + ".json"));
      return cellsById.get(id);
    }
    function failed(err) {
      result.removeAttribute("aria-busy");
      result.textContent = "";
      box.classList.remove("atlas-compare-pending");
      message.textContent = "The comparison data could not be loaded (" + err.message + "). Category pages have static comparison tables.";
    }
    getJson(box.getAttribute("data-index")).then(start).catch(failed);

    function start(spec) {
      Object.keys(spec.answers).forEach(function (k) { ANSWERS.set(k, spec.answers[k]); });
      var names = new Map(); var byName = new Map();
      spec.tools.forEach(function (t) {
        names.set(t.id, t.name); byName.set(t.name.toLowerCase(), t.id);
        options.appendChild(el("option", { value: t.name + " (" + t.id + ")" }));
      });
      input.disabled = add.disabled = false;
      var firstRender = true;
      var requested = (params().get("tools") || "").split(",").map(function (s) { return s.trim(); }).filter(Boolean);
      var unknown = requested.filter(function (id) { return !names.has(id); });
      var chosen = requested.filter(function (id, i) { return names.has(id) && requested.indexOf(id) === i; });
      var notes = [];
      if (unknown.length) notes.push("Unknown tool id" + (unknown.length > 1 ? "s" : "") + " in the address: " + unknown.join(", ") + ". Check the spelling, or pick tools with the box below.");
      if (chosen.length > max) { notes.push("At most " + max + " tools can be compared; showing the first " + max + "."); chosen = chosen.slice(0, max); }
      message.textContent = notes.join(" ");
      render();

      form.addEventListener("submit", function (e) {
        e.preventDefault();
        var value = input.value.trim();
        var match = /\(([a-z0-9-]+)\)$/.exec(value);
        var id = match && names.has(match[1]) ? match[1] : (byName.get(value.toLowerCase()) || (names.has(value) ? value : null));
        if (!id) { message.textContent = "No tool called \u201c" + value + "\u201d. Pick one from the list."; return; }
        if (chosen.indexOf(id) !== -1) { message.textContent = names.get(id) + " is already in the comparison."; return; }
        if (chosen.length >= max) { message.textContent = "At most " + max + " tools; remove one first."; return; }
        message.textContent = ""; input.value = "";
        chosen.push(id); render();
      });

      function render() {
        if (!firstRender) box.classList.remove("atlas-compare-pending");  /* after the reader's own change, the page may move */
        firstRender = false;
        writeParams({ tools: chosen.join(",") || null });
        chosenList.textContent = "";
        chosen.forEach(function (id) {
          var remove = el("button", { type: "button", "aria-label": "Remove " + names.get(id), text: "×" });
          remove.addEventListener("click", function () { chosen.splice(chosen.indexOf(id), 1); render(); });
          chosenList.appendChild(el("li", {}, [names.get(id) + " ", remove]));
        });
        if (chosen.length < 2) {
          result.removeAttribute("aria-busy");
          result.textContent = "";
          result.appendChild(el("p", { text: chosen.length ? "Add at least one more tool to compare." : "Pick two to four tools to compare them side by side." }));
          return;
        }
        var wanted = chosen.slice();
        Promise.all(wanted.map(cellsOf)).then(function (cells) {
          if (wanted.join(",") !== chosen.join(",")) return;  /* the reader changed the choice meanwhile */
          result.removeAttribute("aria-busy");
          result.textContent = "";
          result.appendChild(table(cells));
          result.appendChild(differences(cells));
        }).catch(failed);
      }

      function table(cells) {
        var thead = el("thead", {}, [el("tr", {}, [el("td")].concat(cells.map(function (c) {
          return el("th", { scope: "col" }, [el("a", { href: root + c.page, text: c.name })]);
        })))]);
        var tbody = el("tbody"), bodies = [tbody], folded = 0;
        compareRows(spec, cells).forEach(function (row) {
          if (row.collapsed) {
            if (!folded) { tbody = el("tbody"); bodies.push(tbody); }
            folded += 1;
          }
          if (row.group) {
            tbody.appendChild(el("tr", { className: "atlas-compare-group" }, [el("th", { scope: "colgroup", colspan: String(cells.length + 1) }, partsNodes([row.group], root))]));
            return;
          }
          var label = row.help ? el("span", { className: "atlas-criterion", title: row.help, text: row.label }) : row.label;
          var th = el("th", { scope: "row" }, row.differs ? [el("span", { className: "atlas-differs-mark", title: "The tools differ here", text: "≠" }), " ", label] : [label]);
          tbody.appendChild(el("tr", row.differs ? { className: "atlas-differs" } : {}, [th].concat(row.cells.map(function (parts) { return el("td", {}, partsNodes(parts, root)); }))));
        });
        var main = el("div", { className: "atlas-scroll" }, [el("table", { className: "atlas-side-by-side" }, [thead, bodies[0]])]);
        if (!folded) return main;
        var label = folded + " more categor" + (folded === 1 ? "y" : "ies") + " with no answers to compare (only Unknown or Not in this category)";
        return el("div", {}, [main, el("details", { className: "atlas-compare-folded" }, [el("summary", { text: label }),
          el("div", { className: "atlas-scroll" }, [el("table", { className: "atlas-side-by-side" }, [thead.cloneNode(true), bodies[1]])])])]);
      }

      function differences(cells) {
        var ids = cells.map(function (c) { return c.id; });
        var items = [];
        cells.forEach(function (c) {
          c.differs_from.forEach(function (d) {
            if (ids.indexOf(d.tool) === -1) return;
            items.push(el("li", {}, [el("a", { href: root + c.page, text: c.name }), " compared with ",
              el("a", { href: root + "tools/" + d.tool + "/", text: names.get(d.tool) }), ": " + d.how]));
          });
        });
        return el("section", {}, [el("h2", { text: "How they differ" }), items.length ? el("ul", { className: "atlas-differences" }, items) : el("p", { text: "None of these entries describes the others yet." })]);
      }
    }
  }


  /* ---- Learning path progress: ticked steps live in localStorage only. ---- */
  var PROGRESS_KEY = "atlas-learning-progress";

  function readProgress() {
    try { var v = JSON.parse(window.localStorage.getItem(PROGRESS_KEY) || "[]"); return Array.isArray(v) ? v : []; }
    catch (e) { return []; }
  }

  /* Home page category picker: without JavaScript the form jumps to the list of stages; with it, to the chosen page. */
  /* The home page's search door: open the theme's search and put the cursor in it. */
  function initSearchDoor(label) {
    label.addEventListener("click", function () {
      setTimeout(function () { var input = document.querySelector(".md-search__input"); if (input) input.focus(); }, 0);
    });
  }

  function initPicker(form) {
    form.addEventListener("submit", function (event) {
      var select = form.querySelector("select");
      if (!select.value) return;
      event.preventDefault();
      window.location.href = select.value;
    });
  }

  function initProgress() {
    var boxes = Array.prototype.slice.call(document.querySelectorAll("input[data-atlas-step]"));
    var bar = document.querySelector("[data-atlas-progress]");
    if (!boxes.length) return;
    var done = readProgress();
    function show() {
      boxes.forEach(function (b) {
        b.checked = done.indexOf(b.getAttribute("data-atlas-step")) !== -1;
        b.closest("label").hidden = false;
        var item = b.closest("li"); if (item) item.classList.toggle("atlas-step-done", b.checked);
      });
      if (bar) {
        var total = Number(bar.getAttribute("data-total"));
        var count = boxes.filter(function (b) { return b.checked; }).length;
        bar.hidden = false;
        bar.querySelector("progress").value = count;
        bar.querySelector(".atlas-progress-text").textContent = count + " of " + total + " steps done";
      }
    }
    boxes.forEach(function (b) {
      b.addEventListener("change", function () {
        var id = b.getAttribute("data-atlas-step");
        done = done.filter(function (x) { return x !== id; });
        if (b.checked) done.push(id);
        try { window.localStorage.setItem(PROGRESS_KEY, JSON.stringify(done)); } catch (e) { /* private mode: keep it for this page */ }
        show();
      });
    });
    show();
  }

  /* ---- Decision helper: narrow categories and tools from api/catalog.json. ---- */
  var EXTRA_CATEGORIES = [
    { when: function (a) { return a.data === "large"; }, ids: ["distributed-compute", "data-processing"], why: "your data does not fit one machine" },
    { when: function (a) { return a.team === "enterprise"; }, ids: ["data-catalog", "feature-store"], why: "many teams share data and features" },
    { when: function (a) { return a.team === "enterprise" && a.hosting !== "self" && a.budget === "paid"; }, ids: ["ml-platform"], why: "a managed platform can replace several separate tools" },
    { when: function (a) { return a.work !== "classic"; }, ids: ["ml-security"], why: "users' text reaches a language model (prompt injection, personal data)" }
  ];

  function initDecide(box) {
    var form = box.querySelector("form");
    var result = box.querySelector(".atlas-decide-result");
    var root = box.getAttribute("data-root");
    result.textContent = "Loading the catalog…";
    fetch(box.getAttribute("data-catalog")).then(function (r) { if (!r.ok) throw new Error("HTTP " + r.status); return r.json(); })
      .then(function (data) { form.hidden = false; form.addEventListener("change", function () { render(data); }); render(data); })
      .catch(function (err) { result.textContent = "The catalog data could not be loaded (" + err.message + ")."; });

    function answers() {
      var a = {};
      ["team", "data", "kubernetes", "hosting", "budget", "work"].forEach(function (k) { a[k] = form.elements[k].value; });
      return a;
    }

    function reasonsFor(t, a) {
      var out = [];
      if ((t.fit || []).indexOf(a.team) !== -1) out.push("suits " + { solo: "solo practitioners", "reasonable-scale": "small teams", enterprise: "large organisations" }[a.team]);
      if ((t.requires || []).indexOf("kubernetes") === -1) out.push("runs without Kubernetes");
      if (t.license_kind === "open-source") out.push("open source");
      if (t.pricing !== "paid") out.push(t.pricing === "free" ? "free" : "free to start");
      if (t.offering.indexOf("managed") !== -1) out.push("available as a managed service");
      return out;
    }

    /* What running it yourself costs, as the entry records it (self_hosting); older entries fall back on the offering. */
    function selfHostable(t) {
      if (t.self_hosting) return t.self_hosting.value !== "none";
      return t.offering.indexOf("self-hosted") !== -1 || t.offering.indexOf("library") !== -1;
    }

    function allowed(t, a) {
      if (t.status === "archived" || t.status === "discontinued") return false;
      if ((t.fit || []).indexOf(a.team) === -1) return false;
      if (a.kubernetes === "no" && (t.requires || []).indexOf("kubernetes") !== -1) return false;
      if (a.hosting === "self" && !selfHostable(t)) return false;
      if (a.hosting === "managed" && t.offering.indexOf("managed") === -1 && t.offering.indexOf("library") === -1) return false;
      if (a.budget === "free" && (t.license_kind !== "open-source" || t.pricing === "paid")) return false;
      return true;
    }

    function render(data) {
      var a = answers();
      var tools = {}; data.tools.forEach(function (t) { tools[t.id] = t; });
      var categories = {}; data.categories.forEach(function (c) { categories[c.id] = c; });
      var tracks = a.work === "both" ? ["core", "llm"] : a.work === "llm" ? ["core", "llm"] : ["core"];
      var plan = []; var seen = {};
      function add(id, why) { if (!seen[id] && categories[id]) { seen[id] = true; plan.push({ id: id, why: why }); } }
      data.learning_path.forEach(function (s) {
        if (tracks.indexOf(s.track) === -1) return;
        /* Steps a team can skip given its answers (ids from catalog/learning-path.yaml; unknown ids are harmless). */
        if (s.id === "scale-when-needed" && a.data !== "large") return;
        if (a.work === "llm" && s.track === "core" && ["monitor-in-production", "share-a-demo"].indexOf(s.id) !== -1) return;
        s.categories.forEach(function (c) { add(c, "learning path: " + s.title); });
      });
      EXTRA_CATEGORIES.forEach(function (x) { if (x.when(a)) x.ids.forEach(function (c) { add(c, "because " + x.why); }); });
      result.textContent = "";
      result.appendChild(el("p", { text: "Suggested categories, in the order the learning path takes them, with up to three tools each that match your answers." }));
      var list = el("ol", { className: "atlas-decide-list" });
      plan.forEach(function (p) {
        var c = categories[p.id];
        var starters = {}; data.learning_path.forEach(function (s) { s.starter_tools.forEach(function (t) { starters[t] = true; }); });
        var candidates = c.home_tools.concat(c.reach_tools).map(function (id) { return tools[id]; }).filter(function (t) { return allowed(t, a); });
        candidates.sort(function (x, y) {
          return (starters[y.id] ? 1 : 0) - (starters[x.id] ? 1 : 0) || (x.status === "active" ? 0 : 1) - (y.status === "active" ? 0 : 1) || x.name.localeCompare(y.name);
        });
        var items = candidates.slice(0, 3).map(function (t) {
          return el("li", { "data-tool": t.id }, [el("a", { href: root + "tools/" + t.id + "/", text: t.name }), ": " + reasonsFor(t, a).join(", ")]);
        });
        list.appendChild(el("li", { "data-category": p.id }, [
          el("a", { href: root + "categories/" + p.id + "/", text: c.title }), el("span", { className: "atlas-note", text: " (" + p.why + ")" }),
          items.length ? el("ul", {}, items) : el("p", { className: "atlas-note", text: "No tool in the catalog matches all your answers; relax one of them." })
        ]));
      });
      result.appendChild(list);
    }
  }

  /* The theme's search overlay is a dialog without a name; screen readers announce it as "dialog" only. */
  function nameSearchDialog() {
    Array.prototype.forEach.call(document.querySelectorAll(".md-search[role=dialog]:not([aria-label])"), function (d) {
      d.setAttribute("aria-label", "Search the Atlas");
    });
  }

  /* ---- Search ranking ----
     The theme's search finds the pages but ranks by word statistics, so "vllm" put two vLLM add-ons before vLLM
     and "feature store" put FeatureByte before the feature store category. Each result carries the page's names
     (title, and hidden tags holding a tool's name and id or a category's aliases: atlas/site/pages.py). This
     moves results up, keeping the theme's order within each tier: a page named exactly what was typed; a page
     whose name holds every word typed; a page with a section of that name (a store, a glossary term); the rest. Plurals count as singular. */
  function searchWords(value) {
    /* A light stemmer, applied to both sides: plurals, and -ed/-ing ("self-hosted" is what "self-host" asks for). */
    return value.toLowerCase().split(/[^a-z0-9&+]+/).filter(Boolean).map(function (w) {
      if (/ies$/.test(w) && w.length > 4) return w.slice(0, -3) + "y";
      if (w.length > 5 && /ing$/.test(w)) return w.slice(0, -3);
      if (w.length > 5 && /ed$/.test(w)) return w.slice(0, -2);
      return w.length > 3 && /s$/.test(w) && !/ss$/.test(w) ? w.slice(0, -1) : w;
    });
  }

  function searchTier(item, query) {
    var wanted = searchWords(query);
    if (!wanted.length) return 3;
    var key = wanted.join(" ");
    function names(selector) {
      return Array.prototype.map.call(item.querySelectorAll(selector), function (n) { return searchWords(n.textContent); });
    }
    var pageNames = names("article h1, .md-tag"), sectionNames = names("article h2");
    function exact(ws) { return ws.join(" ") === key; }
    function holdsAll(ws) { return wanted.every(function (w) { return ws.indexOf(w) !== -1; }); }
    if (pageNames.some(exact)) return 0;
    if (pageNames.some(holdsAll)) return 1;
    if (sectionNames.some(exact)) return 2;
    return 3;
  }

  function rankSearchResults(list, input) {
    var items = Array.prototype.slice.call(list.children);
    var ranked = items.map(function (item, i) { return { item: item, i: i, tier: searchTier(item, input.value) }; })
      .sort(function (a, b) { return a.tier - b.tier || a.i - b.i; });
    if (ranked.every(function (r, i) { return r.i === i; })) return;  /* already in order: no mutation, no loop */
    var fragment = document.createDocumentFragment();
    ranked.forEach(function (r) { fragment.appendChild(r.item); });
    list.appendChild(fragment);
  }

  function initSearchRanking() {
    var list = document.querySelector(".md-search-result__list");
    var input = document.querySelector(".md-search__input");
    if (!list || !input || !window.MutationObserver) return;
    new MutationObserver(function () { rankSearchResults(list, input); }).observe(list, { childList: true });
  }

  function init() {
    nameSearchDialog();
    initSearchRanking();
    Array.prototype.forEach.call(document.querySelectorAll("[data-atlas-table]"), initTable);
    Array.prototype.forEach.call(document.querySelectorAll("[data-atlas-reach]"), initReach);
    Array.prototype.forEach.call(document.querySelectorAll("[data-atlas-compare]"), initCompare);
    Array.prototype.forEach.call(document.querySelectorAll("[data-atlas-decide]"), initDecide);
    Array.prototype.forEach.call(document.querySelectorAll("[data-atlas-picker]"), initPicker);
    Array.prototype.forEach.call(document.querySelectorAll(".atlas-search-button"), initSearchDoor);
    initProgress();
  }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", init); else init();
})();
