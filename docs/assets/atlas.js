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
  var FILTER_KEYS = ["oss", "self", "free", "active"];

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
    form.hidden = false;

    function apply() {
      var stage = form.elements.stage.value;
      var sort = form.elements.sort.value;
      cells.forEach(function (c) { c.hidden = !!stage && c.getAttribute("data-stage") !== stage; });
      rows.forEach(function (r) {
        r.hidden = !!stage && (" " + r.getAttribute("data-stages") + " ").indexOf(" " + stage + " ") === -1;
      });
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

  /* ---- Interactive side-by-side compare, from api/catalog.json. ---- */
  var ANSWERS = { yes: ["✓", "Yes"], no: ["✗", "No"], partial: ["◐", "Partial"], unknown: ["?", "Unknown"] };
  var LABELS = {
    license_kind: { "open-source": "Open source", "source-available": "Source-available", proprietary: "Proprietary" },
    pricing: { free: "Free", "free-tier": "Free tier", "open-core": "Open core", paid: "Paid" },
    offering: { library: "Library", "self-hosted": "Self-hosted", managed: "Managed service" },
    status: { active: "Active", maintenance: "Maintenance only", archived: "Archived", acquired: "Acquired", discontinued: "Discontinued" },
    fit: { solo: "Solo practitioner", "reasonable-scale": "Reasonable-scale team", enterprise: "Enterprise" },
    requires: { python: "Python", docker: "Docker", kubernetes: "Kubernetes", spark: "Spark", jvm: "Java (JVM)", gpu: "GPU",
      database: "A database", "object-storage": "Object storage", "cloud-account": "A cloud account", aws: "AWS", gcp: "Google Cloud",
      azure: "Azure", "paid-plan": "A paid plan", "vendor-account": "A vendor account" }
  };

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
       The picker waits for the data. */
    input.disabled = add.disabled = true;
    result.setAttribute("aria-busy", "true");
    fetch(box.getAttribute("data-catalog")).then(function (r) {
      if (!r.ok) throw new Error("HTTP " + r.status);
      return r.json();
    }).then(function (data) { start(data); }).catch(function (err) {
      result.removeAttribute("aria-busy");
      result.textContent = "";
      box.classList.remove("atlas-compare-pending");
      message.textContent = "The catalog data could not be loaded (" + err.message + "). Category pages have static comparison tables.";
    });

    function start(data) {
      var tools = {}; var byName = {};
      data.tools.forEach(function (t) { tools[t.id] = t; byName[t.name.toLowerCase()] = t.id; });
      var categories = {}; data.categories.forEach(function (c) { categories[c.id] = c; });
      var order = data.categories.map(function (c) { return c.id; });
      data.tools.slice().sort(function (a, b) { return a.name.localeCompare(b.name); }).forEach(function (t) {
        options.appendChild(el("option", { value: t.name + " (" + t.id + ")" }));
      });
      input.disabled = add.disabled = false;
      result.removeAttribute("aria-busy");
      var firstRender = true;
      var requested = (params().get("tools") || "").split(",").map(function (s) { return s.trim(); }).filter(Boolean);
      var unknown = requested.filter(function (id) { return !tools[id]; });
      var chosen = requested.filter(function (id, i) { return tools[id] && requested.indexOf(id) === i; });
      var notes = [];
      if (unknown.length) notes.push("Unknown tool id" + (unknown.length > 1 ? "s" : "") + " in the address: " + unknown.join(", ") + ". Check the spelling, or pick tools with the box below.");
      if (chosen.length > max) { notes.push("At most " + max + " tools can be compared; showing the first " + max + "."); chosen = chosen.slice(0, max); }
      message.textContent = notes.join(" ");
      render();

      form.addEventListener("submit", function (e) {
        e.preventDefault();
        var value = input.value.trim();
        var match = /\(([a-z0-9-]+)\)$/.exec(value);
        var id = match && tools[match[1]] ? match[1] : (byName[value.toLowerCase()] || (tools[value] ? value : null));
        if (!id) { message.textContent = "No tool called \u201c" + value + "\u201d. Pick one from the list."; return; }
        if (chosen.indexOf(id) !== -1) { message.textContent = tools[id].name + " is already in the comparison."; return; }
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
          var remove = el("button", { type: "button", "aria-label": "Remove " + tools[id].name, text: "×" });
          remove.addEventListener("click", function () { chosen.splice(chosen.indexOf(id), 1); render(); });
          chosenList.appendChild(el("li", {}, [tools[id].name + " ", remove]));
        });
        result.textContent = "";
        if (chosen.length < 2) {
          result.appendChild(el("p", { text: chosen.length ? "Add at least one more tool to compare." : "Pick two to four tools to compare them side by side." }));
          return;
        }
        result.appendChild(table(chosen.map(function (id) { return tools[id]; })));
        result.appendChild(differences(chosen.map(function (id) { return tools[id]; })));
      }

      function link(href, label) { return el("a", { href: href, text: label }); }
      function toolLink(t) { return link(root + "tools/" + t.id + "/", t.name); }

      function table(list) {
        var thead = el("thead", {}, [el("tr", {}, [el("td")].concat(list.map(function (t) { return el("th", { scope: "col" }, [toolLink(t)]); })))]);
        var tbody = el("tbody");
        function row(label, values, cells, check) {
          var differs = check && new Set(values.map(function (v) { return JSON.stringify(v); })).size > 1;
          var th = el("th", { scope: "row" }, differs ? [el("span", { className: "atlas-differs-mark", title: "The tools differ here", text: "≠" }), " ", label] : [label]);
          tbody.appendChild(el("tr", differs ? { className: "atlas-differs" } : {}, [th].concat(cells.map(function (c) { return el("td", {}, c); }))));
        }
        function plain(fn, check) { return function (label) { var v = list.map(fn); row(label, v, v.map(function (x) { return [Array.isArray(x) ? x.join(", ") : String(x)]; }), check); }; }
        function names(field, key) { return function (t) { return (t[field] || []).map(function (x) { return LABELS[key][x]; }); }; }
        plain(function (t) { return t.summary; }, false)("Summary");
        row("Home category", list.map(function (t) { return t.home_category; }), list.map(function (t) { return [link(root + "categories/" + t.home_category + "/", categories[t.home_category].title)]; }), true);
        row("Licence", list.map(function (t) { return t.license; }), list.map(function (t) { return [LABELS.license_kind[t.license_kind], el("br"), el("span", { className: "atlas-note", text: t.license })]; }), true);
        plain(names("offering", "offering"), true)("Offering");
        plain(function (t) { return LABELS.pricing[t.pricing]; }, true)("Pricing");
        plain(function (t) { return LABELS.status[t.status] + (t.acquired_by ? " by " + t.acquired_by : ""); }, true)("Status");
        plain(function (t) { return t.maintainer; }, true)("Maintainer");
        plain(names("fit", "fit"), true)("Fits");
        plain(function (t) { return names("requires", "requires")(t).join(", ") || "Nothing beyond a computer"; }, true)("Requires");
        row("Categories", list.map(function (t) { return t.categories.slice().sort(); }), list.map(function (t) {
          var out = []; t.categories.forEach(function (c, i) { if (i) out.push(", "); out.push(link(root + "categories/" + c + "/", categories[c].title)); }); return out;
        }), true);
        row("Homepage", [], list.map(function (t) { var h = safeHref(t.homepage); return h ? [el("a", { href: h, rel: "noopener nofollow", text: "homepage" })] : []; }), false);
        var need = list.length > 1 ? 2 : 1;
        order.filter(function (c) { return list.filter(function (t) { return t.categories.indexOf(c) !== -1; }).length >= need; }).forEach(function (cid) {
          var cat = categories[cid];
          tbody.appendChild(el("tr", { className: "atlas-compare-group" }, [el("th", { scope: "colgroup", colspan: String(list.length + 1) }, [link(root + "categories/" + cid + "/", cat.title)])]));
          cat.criteria.forEach(function (k) {
            var values = []; var cells = [];
            list.forEach(function (t) {
              if (t.categories.indexOf(cid) === -1) { values.push("n/a"); cells.push([el("span", { className: "atlas-note", text: "Not in this category" })]); return; }
              var a = ((t.criteria || {})[cid] || {})[k.id] || { value: "unknown" };
              values.push(a.value);
              var sym = ANSWERS[a.value] || ANSWERS.unknown;
              var parts = [el("span", { className: "atlas-answer atlas-answer--" + a.value }, [el("span", { "aria-hidden": "true", text: sym[0] }), " " + sym[1]])];
              if (a.note) parts.push(el("br"), el("span", { className: "atlas-note", text: a.note }));
              var src = safeHref(a.source);
              if (src) parts.push(el("br"), el("a", { href: src, rel: "noopener nofollow", text: "source" }));
              cells.push(parts);
            });
            row(el("span", { className: "atlas-criterion", title: k.help, text: k.label }), values, cells, true);
          });
        });
        return el("div", { className: "atlas-scroll" }, [el("table", { className: "atlas-side-by-side" }, [thead, tbody])]);
      }

      function differences(list) {
        var ids = list.map(function (t) { return t.id; });
        var items = [];
        list.forEach(function (t) {
          (t.differs_from || []).forEach(function (d) {
            if (ids.indexOf(d.tool) !== -1) items.push(el("li", {}, [toolLink(t), " compared with ", toolLink(tools[d.tool]), ": " + d.how]));
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
    { when: function (a) { return a.team === "enterprise" && a.hosting !== "self" && a.budget === "paid"; }, ids: ["ml-platform"], why: "a managed platform can replace several separate tools" }
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

    function allowed(t, a) {
      if (t.status === "archived" || t.status === "discontinued") return false;
      if ((t.fit || []).indexOf(a.team) === -1) return false;
      if (a.kubernetes === "no" && (t.requires || []).indexOf("kubernetes") !== -1) return false;
      if (a.hosting === "self" && t.offering.indexOf("self-hosted") === -1 && t.offering.indexOf("library") === -1) return false;
      if (a.hosting === "managed" && t.offering.indexOf("managed") === -1 && t.offering.indexOf("library") === -1) return false;
      if (a.budget === "free" && (t.pricing === "paid" || t.license_kind === "proprietary")) return false;
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

  function init() {
    nameSearchDialog();
    Array.prototype.forEach.call(document.querySelectorAll("[data-atlas-table]"), initTable);
    Array.prototype.forEach.call(document.querySelectorAll("[data-atlas-reach]"), initReach);
    Array.prototype.forEach.call(document.querySelectorAll("[data-atlas-compare]"), initCompare);
    Array.prototype.forEach.call(document.querySelectorAll("[data-atlas-decide]"), initDecide);
    initProgress();
  }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", init); else init();
})();
