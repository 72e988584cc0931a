/*
 * privacy-pages: sorting and filtering of the comparison tables.
 *
 * Plain JavaScript with no dependencies; it loads nothing from the network. It enhances every
 * element with a data-pp-comparison attribute (see templates/comparison.md.j2):
 *   - a text box filters rows by item name, id and aliases (data-pp-text);
 *   - facets filter by category (tbody[data-pp-category]), requirement and product
 *     (td[data-pp-status], td[data-pp-column]);
 *   - a button in each column header sorts the rows within each category (aria-sort);
 *   - "Showing N of M data items" is announced to screen readers.
 * Running it twice on a page does nothing more: tables are marked data-pp-ready. With
 * Material's instant navigation, it runs again for every new page through document$.
 */
(function () {
  "use strict";

  var REQUIREMENTS = [
    ["required", "Required"],
    ["optional", "Optional"],
    ["conditional", "Conditional"],
    ["never", "Never collected"],
    ["not-stated", "Not stated"]
  ];
  var COLLECTED = { required: true, optional: true, conditional: true };
  var counter = 0;

  function toArray(list) {
    return Array.prototype.slice.call(list);
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
    root.setAttribute("data-pp-ready", "true");
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
    search.appendChild(element("label", { "for": prefix + "-text" }, "Filter data items"));
    var input = element("input", {
      type: "search",
      id: prefix + "-text",
      "class": "pp-filter",
      placeholder: "Name, for example IMEI",
      autocomplete: "off"
    });
    search.appendChild(input);
    controls.appendChild(search);

    var categories = facet(
      prefix,
      "category",
      "Category",
      "All categories",
      bodies.map(function (body) {
        return [body.getAttribute("data-pp-category"), body.getAttribute("data-pp-category-name")];
      })
    );
    var requirement = facet(prefix, "requirement", "Requirement", "Any requirement", REQUIREMENTS);
    var product = facet(
      prefix,
      "product",
      "Product",
      "Any product",
      headers
        .filter(function (th) {
          return th.hasAttribute("data-pp-product");
        })
        .map(function (th) {
          return [th.getAttribute("data-pp-product"), th.getAttribute("data-pp-title")];
        })
    );
    [categories, requirement, product].forEach(function (f) {
      controls.appendChild(f.wrapper);
    });
    var reset = element("button", { type: "button", "class": "pp-reset" }, "Clear filters");
    controls.appendChild(reset);

    var count = element("p", { "class": "pp-count", role: "status", "aria-live": "polite" });
    var empty = element("p", { "class": "pp-empty" }, "No data items match the filters.");
    empty.hidden = true;
    root.insertBefore(controls, table);
    root.insertBefore(count, table);
    root.insertBefore(empty, table.nextSibling);

    // -- filtering --------------------------------------------------------------------------
    function matchesFacets(row, wantedProduct, wantedStatus) {
      if (!wantedProduct && !wantedStatus) {
        return true;
      }
      return toArray(row.querySelectorAll("td[data-pp-status]:not(.pp-workload)")).some(
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
      var shown = 0;
      rows.forEach(function (row) {
        var text = row.getAttribute("data-pp-text") || "";
        var visible =
          terms.every(function (term) {
            return text.indexOf(term) !== -1;
          }) &&
          (!wantedCategory || row.getAttribute("data-pp-category") === wantedCategory) &&
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
      count.textContent = "Showing " + shown + " of " + rows.length + " data items";
      empty.hidden = shown !== 0;
    }

    input.addEventListener("input", apply);
    [categories, requirement, product].forEach(function (f) {
      f.select.addEventListener("change", apply);
    });
    reset.addEventListener("click", function () {
      input.value = "";
      [categories, requirement, product].forEach(function (f) {
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

    apply();
  }

  function init() {
    toArray(document.querySelectorAll("[data-pp-comparison]")).forEach(enhance);
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
