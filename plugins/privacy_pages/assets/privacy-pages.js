/*
 * privacy-pages: sorting and filtering of the comparison tables.
 *
 * Plain JavaScript with no dependencies; it loads nothing from the network. It enhances every
 * element with a data-pp-comparison attribute (templates/comparison.md.j2 and
 * templates/data-item-index.md.j2):
 *   - a text box filters rows by item name, id, aliases and store data types (data-pp-text);
 *   - facets filter by category (tbody[data-pp-category]), requirement and product
 *     ([data-pp-status] with [data-pp-column], in a cell or a list item of one; the products
 *     are the columns' th[data-pp-product], or the index's [data-pp-product-option]), and by
 *     store data type (a row's data-pp-store-types, among the [data-pp-store-type-option]s;
 *     only on a table with items mapped to a store);
 *   - a button filling each column header sorts the rows within each category (aria-sort);
 *   - "Showing N of M data items" is announced to screen readers;
 *   - a table that fits its column scrolls with the page (data-pp-fit="true", its header
 *     sticks under the site's header); one that does not stays in its scroll box, which shows
 *     a hint and shaded edges where there is more to see (data-pp-more).
 * Running it twice on a page does nothing more: tables are marked data-pp-ready. With
 * Material's instant navigation, it runs again for every new page through document$.
 * Its words come from the page, in the page's language: the data-pp-msg-* attributes of the
 * element it enhances (templates/table-controls.md.j2); the English below is for a page
 * without them.
 */
(function () {
  "use strict";

  var ENGLISH = {
    filter: "Filter data items",
    "filter-placeholder": "Name, for example IMEI",
    category: "Category",
    "any-category": "All categories",
    requirement: "Requirement",
    "any-requirement": "Any requirement",
    product: "Product",
    "any-product": "Any product",
    "store-type": "Store data type",
    "any-store-type": "Any store data type",
    required: "Required",
    optional: "Optional",
    conditional: "Conditional",
    collected: "Collected",
    never: "Never collected",
    "not-stated": "Not stated",
    clear: "Clear filters",
    "no-match": "No data items match the filters.",
    "scroll-hint": "Scroll the table sideways to see every column \u2192",
    "scroll-box": "Table (scrolls sideways and down)",
    table: "Table",
    "named-table": "{heading} (table)",
    showing: "Showing {shown} of {total} data items"
  };
  var REQUIREMENTS = ["required", "optional", "conditional", "collected", "never", "not-stated"];
  // "collected": collected without the product saying whether it is required or optional.
  var COLLECTED = { required: true, optional: true, conditional: true, collected: true };
  // Offered by the filter only where a table has it (records still to be decided).
  var ONLY_WHERE_SHOWN = { collected: true };
  var counter = 0;

  function cssEscape(value) {
    return window.CSS && CSS.escape ? CSS.escape(value) : value.replace(/["\\]/g, "\\$&");
  }

  function toArray(list) {
    return Array.prototype.slice.call(list);
  }

  // The words of a table (`source`: the element it enhances), or of the page (the first table's)
  // for what is not in a table of its own.
  function wordsOf(source) {
    var from = source || document.querySelector("[data-pp-msg-table]");
    return function (key) {
      var found = from && from.getAttribute("data-pp-msg-" + key);
      return found === null || found === undefined || found === "" ? ENGLISH[key] : found;
    };
  }

  function filled(text, values) {
    return text.replace(/\{(shown|total|heading)\}/g, function (slot, name) {
      return values[name] === undefined ? slot : String(values[name]);
    });
  }

  function element(tag, attributes, text) {
    var node = document.createElement(tag);
    Object.keys(attributes || {}).forEach(function (name) {
      node.setAttribute(name, attributes[name]);
    });
    if (text !== undefined) {
      node.textContent = text;
    }
    return node;
  }

  function facet(prefix, name, label, anyLabel, options) {
    var id = prefix + "-" + name;
    var wrapper = element("div", { "class": "pp-facet" });
    wrapper.appendChild(element("label", { "for": id }, label));
    var select = element("select", { id: id, "data-pp-facet": name });
    select.appendChild(element("option", { value: "" }, anyLabel));
    options.forEach(function (option) {
      select.appendChild(element("option", { value: option[0] }, option[1]));
    });
    wrapper.appendChild(select);
    return { wrapper: wrapper, select: select };
  }

  function enhance(root) {
    if (root.getAttribute("data-pp-ready") === "true") {
      return;
    }
    var table = root.querySelector("table");
    if (!table || !table.tHead) {
      return;
    }
    var scroller = root.querySelector(".pp-table-scroll");
    var frame = root.querySelector(".pp-table-frame") || table;
    root.setAttribute("data-pp-ready", "true");
    var say = wordsOf(root);
    counter += 1;
    var prefix = "pp-" + (root.getAttribute("data-pp-comparison") || "table") + "-" + counter;
    var rows = toArray(table.querySelectorAll("tr.pp-row"));
    rows.forEach(function (row, index) {
      row.setAttribute("data-pp-order", String(index));
    });
    var bodies = toArray(table.tBodies);
    var headers = toArray(table.tHead.rows[0].cells);

    // -- controls ---------------------------------------------------------------------------
    var controls = element("div", { "class": "pp-controls" });
    var search = element("div", { "class": "pp-facet pp-text-filter" });
    search.appendChild(element("label", { "for": prefix + "-text" }, say("filter")));
    var input = element("input", {
      type: "search",
      id: prefix + "-text",
      "class": "pp-filter",
      placeholder: say("filter-placeholder"),
      autocomplete: "off"
    });
    search.appendChild(input);
    controls.appendChild(search);

    var categories = facet(
      prefix,
      "category",
      say("category"),
      say("any-category"),
      bodies.map(function (body) {
        return [body.getAttribute("data-pp-category"), body.getAttribute("data-pp-category-name")];
      })
    );
    var requirement = facet(
      prefix,
      "requirement",
      say("requirement"),
      say("any-requirement"),
      REQUIREMENTS.filter(function (status) {
        return !ONLY_WHERE_SHOWN[status] || root.querySelector('[data-pp-status="' + status + '"]');
      }).map(function (status) {
        return [status, say(status)];
      })
    );
    var product = facet(
      prefix,
      "product",
      say("product"),
      say("any-product"),
      productOptions(root, headers)
    );
    var facets = [categories, requirement, product];
    var storeTypeOptions = toArray(root.querySelectorAll("[data-pp-store-type-option]")).map(
      function (node) {
        return [node.getAttribute("data-pp-store-type-option"), node.textContent];
      }
    );
    var storeType = null;
    if (storeTypeOptions.length) {
      storeType = facet(prefix, "store-type", say("store-type"), say("any-store-type"), storeTypeOptions);
      facets.push(storeType);
    }
    facets.forEach(function (f) {
      controls.appendChild(f.wrapper);
    });
    var reset = element("button", { type: "button", "class": "pp-reset" }, say("clear"));
    controls.appendChild(reset);

    var count = element("p", { "class": "pp-count", role: "status", "aria-live": "polite" });
    var empty = element("p", { "class": "pp-empty" }, say("no-match"));
    empty.hidden = true;
    var hint = element("p", { "class": "pp-scroll-hint" }, say("scroll-hint"));
    hint.hidden = true;
    frame.parentNode.insertBefore(controls, frame);
    frame.parentNode.insertBefore(count, frame);
    frame.parentNode.insertBefore(hint, frame);
    frame.parentNode.insertBefore(empty, frame.nextSibling);

    // -- filtering --------------------------------------------------------------------------
    function matchesFacets(row, wantedProduct, wantedStatus) {
      if (!wantedProduct && !wantedStatus) {
        return true;
      }
      // The index lists only the products that state an item, and how many do not.
      var unstated = row.getAttribute("data-pp-not-stated");
      if (wantedStatus === "not-stated" && unstated !== null) {
        return wantedProduct
          ? !row.querySelector('[data-pp-column="' + cssEscape(wantedProduct) + '"]')
          : Number(unstated) > 0;
      }
      return toArray(row.querySelectorAll("[data-pp-status]:not(.pp-workload)")).some(
        function (cell) {
          if (wantedProduct && cell.getAttribute("data-pp-column") !== wantedProduct) {
            return false;
          }
          var status = cell.getAttribute("data-pp-status");
          return wantedStatus ? status === wantedStatus : COLLECTED[status] === true;
        }
      );
    }

    function apply() {
      var terms = input.value.toLowerCase().split(/\s+/).filter(Boolean);
      var wantedCategory = categories.select.value;
      var wantedStatus = requirement.select.value;
      var wantedProduct = product.select.value;
      var wantedStoreType = storeType ? storeType.select.value : "";
      var shown = 0;
      rows.forEach(function (row) {
        var text = row.getAttribute("data-pp-text") || "";
        var visible =
          terms.every(function (term) {
            return text.indexOf(term) !== -1;
          }) &&
          (!wantedCategory || row.getAttribute("data-pp-category") === wantedCategory) &&
          (!wantedStoreType ||
            (row.getAttribute("data-pp-store-types") || "").split(" ").indexOf(wantedStoreType) !== -1) &&
          matchesFacets(row, wantedProduct, wantedStatus);
        row.hidden = !visible;
        if (visible) {
          shown += 1;
        }
      });
      bodies.forEach(function (body) {
        body.hidden = !toArray(body.querySelectorAll("tr.pp-row")).some(function (row) {
          return !row.hidden;
        });
      });
      // The page says it for this table's number of rows, in the right plural form.
      count.textContent = filled(say("showing"), { shown: shown, total: rows.length });
      empty.hidden = shown !== 0;
    }

    input.addEventListener("input", apply);
    facets.forEach(function (f) {
      f.select.addEventListener("change", apply);
    });
    reset.addEventListener("click", function () {
      input.value = "";
      facets.forEach(function (f) {
        f.select.value = "";
      });
      apply();
    });

    // -- sorting ----------------------------------------------------------------------------
    function sortKey(row, index, numeric) {
      var cell = row.cells[index];
      var value = cell ? cell.getAttribute("data-pp-sort") || cell.textContent || "" : "";
      return numeric ? parseFloat(value) || 0 : value.toLowerCase();
    }

    function sortBy(index) {
      var header = headers[index];
      var direction = header.getAttribute("aria-sort") === "ascending" ? "descending" : "ascending";
      var numeric = header.getAttribute("data-pp-sort-type") === "number";
      headers.forEach(function (th) {
        th.removeAttribute("aria-sort");
      });
      header.setAttribute("aria-sort", direction);
      bodies.forEach(function (body) {
        var list = toArray(body.querySelectorAll("tr.pp-row"));
        list.sort(function (a, b) {
          var x = sortKey(a, index, numeric);
          var y = sortKey(b, index, numeric);
          var order = 0;
          if (numeric) {
            order = x - y;
          } else {
            order = x < y ? -1 : x > y ? 1 : 0;
          }
          if (direction === "descending") {
            order = -order;
          }
          return order || Number(a.getAttribute("data-pp-order")) - Number(b.getAttribute("data-pp-order"));
        });
        list.forEach(function (row) {
          body.appendChild(row);
        });
      });
    }

    headers.forEach(function (th, index) {
      var button = element("button", { type: "button", "class": "pp-sort" });
      while (th.firstChild) {
        button.appendChild(th.firstChild);
      }
      button.appendChild(element("span", { "class": "pp-sort-icon", "aria-hidden": "true" }));
      th.appendChild(button);
      button.addEventListener("click", function () {
        sortBy(index);
      });
    });

    // -- fitting the column -------------------------------------------------------------------
    function layout() {
      if (!scroller) {
        return;
      }
      var fits = table.offsetWidth <= scroller.clientWidth + 1;
      root.setAttribute("data-pp-fit", fits ? "true" : "false");
      hint.hidden = fits;
      if (fits) {
        scroller.removeAttribute("tabindex");
        scroller.removeAttribute("role");
        scroller.removeAttribute("aria-label");
        root.removeAttribute("data-pp-more");
        return;
      }
      // A box that scrolls is reachable from the keyboard, to scroll it with the arrow keys.
      scroller.setAttribute("tabindex", "0");
      scroller.setAttribute("role", "region");
      scroller.setAttribute("aria-label", say("scroll-box"));
      var more = [];
      if (scroller.scrollLeft > 1) {
        more.push("left");
      }
      if (scroller.scrollLeft + scroller.clientWidth < scroller.scrollWidth - 1) {
        more.push("right");
      }
      root.setAttribute("data-pp-more", more.join(" "));
    }

    apply();
    if (scroller) {
      scroller.addEventListener("scroll", layout, { passive: true });
      layouts.push({ root: root, layout: layout });
      layout();
      // The browser went to a #item before the table settled in its layout: go there again.
      var target = hashTarget();
      if (target && table.contains(target)) {
        target.scrollIntoView();
      }
    }
  }

  function hashTarget() {
    try {
      return window.location.hash && document.getElementById(decodeURIComponent(window.location.hash.slice(1)));
    } catch (error) {
      return null; // a malformed %-escape in the address
    }
  }

  function productOptions(root, headers) {
    var columns = headers.filter(function (th) {
      return th.hasAttribute("data-pp-product");
    });
    if (columns.length) {
      return columns.map(function (th) {
        return [th.getAttribute("data-pp-product"), th.getAttribute("data-pp-title")];
      });
    }
    return toArray(root.querySelectorAll("[data-pp-product-option]")).map(function (node) {
      return [node.getAttribute("data-pp-product-option"), node.textContent];
    });
  }

  // Material wraps each wide Markdown table in a box that scrolls sideways. Keyboard users
  // must be able to reach what it hides (WCAG 2.1.1), so a box that scrolls takes focus and is
  // named after its table's caption or the heading above it.
  function focusableScrollBoxes() {
    toArray(document.querySelectorAll(".md-typeset__scrollwrap")).forEach(function (box) {
      var scrolls = box.scrollWidth > box.clientWidth + 1;
      if (!scrolls) {
        if (box.hasAttribute("data-pp-focusable")) {
          ["tabindex", "role", "aria-label", "data-pp-focusable"].forEach(function (name) {
            box.removeAttribute(name);
          });
        }
        return;
      }
      if (box.hasAttribute("tabindex")) {
        return;
      }
      box.setAttribute("tabindex", "0");
      box.setAttribute("role", "region");
      box.setAttribute("aria-label", scrollBoxName(box));
      box.setAttribute("data-pp-focusable", "");
    });
  }

  function scrollBoxName(box) {
    var caption = box.querySelector("caption");
    if (caption && caption.textContent.trim()) {
      return caption.textContent.trim();
    }
    var say = wordsOf(null);
    for (var node = box.previousElementSibling; node; node = node.previousElementSibling) {
      if (/^H[1-6]$/.test(node.tagName)) {
        return filled(say("named-table"), { heading: node.textContent.replace(/\u00b6/g, "").trim() });
      }
    }
    return say("table");
  }

  var watchingBoxes = false;
  // One resize handler for every table: with instant navigation, tables that left the page
  // are dropped instead of being laid out again on every resize.
  var layouts = [];

  function layoutAll() {
    layouts = layouts.filter(function (entry) {
      return entry.root.isConnected;
    });
    layouts.forEach(function (entry) {
      entry.layout();
    });
  }

  function init() {
    toArray(document.querySelectorAll("[data-pp-comparison]")).forEach(enhance);
    focusableScrollBoxes();
    if (!watchingBoxes) {
      watchingBoxes = true;
      // Material wraps the tables from its own script, and a narrower window makes more of them
      // scroll: check again once everything has loaded, and on resize.
      window.addEventListener("load", focusableScrollBoxes);
      window.addEventListener("resize", function () {
        layoutAll();
        focusableScrollBoxes();
      });
    }
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", init);
  } else {
    init();
  }
  // Material for MkDocs with instant navigation swaps pages without reloading the script.
  if (window.document$ && typeof window.document$.subscribe === "function") {
    window.document$.subscribe(init);
  }
})();
