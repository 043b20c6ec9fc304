(function () {
  "use strict";
  var form = document.getElementById("filters");
  var rule = document.getElementById("rule-filter");
  var popup = document.getElementById("popup");

  // The filters: a finding is shown when its severity is ticked and it is of the rule chosen
  // (or any); a mark or a cell stays lit while one of its findings is shown.
  function apply() {
    var ticked = {};
    form.querySelectorAll("input[data-severity]").forEach(function (box) {
      ticked[box.getAttribute("data-severity")] = box.checked;
    });
    var shown = {};
    document.querySelectorAll("tr.finding").forEach(function (row) {
      var on = ticked[row.getAttribute("data-severity")] && (!rule.value || row.getAttribute("data-rule") === rule.value);
      row.hidden = !on;
      shown[row.id] = on;
    });
    document.querySelectorAll("[data-findings]").forEach(function (el) {
      var on = el.getAttribute("data-findings").split(" ").some(function (a) { return shown[a]; });
      el.classList.toggle("off", !on);
    });
  }

  function unlink() {
    document.querySelectorAll(".linked, .lit").forEach(function (el) { el.classList.remove("linked", "lit"); });
  }

  // The cells a failing sum is made of, lit with it.
  function link(cell) {
    (cell.getAttribute("data-addends") || "").split(" ").forEach(function (id) {
      var addend = id && document.getElementById(id);
      if (addend) { addend.classList.add("linked"); }
    });
  }

  // A mark or a failing cell clicked: its findings' messages beside it, their rows lit.
  function show(el) {
    unlink();
    popup.textContent = "";
    el.getAttribute("data-findings").split(" ").forEach(function (a) {
      var row = document.getElementById(a);
      if (!row) { return; }
      row.classList.add("lit");
      var line = document.createElement("p");
      line.className = row.className.replace("finding", "").replace("lit", "");
      line.textContent = row.cells[1].textContent.trim() + " — " + row.cells[2].textContent.trim();
      popup.appendChild(line);
    });
    link(el);
    var box = el.getBoundingClientRect();
    popup.style.left = Math.max(4, box.left + window.scrollX) + "px";
    popup.style.top = box.bottom + window.scrollY + 4 + "px";
    popup.hidden = false;
  }

  function hide() {
    popup.hidden = true;
    unlink();
  }

  form.addEventListener("change", apply);
  document.addEventListener("click", function (event) {
    var go = event.target.closest("[data-goto]");
    if (go) {
      var mark = document.querySelector('mark[data-findings~="' + go.getAttribute("data-goto") + '"]');
      if (mark) {
        event.preventDefault();
        mark.scrollIntoView({ block: "center" });
        show(mark);
      }
      return;
    }
    var to = event.target.closest("a.to-cell");
    var cell = to && document.getElementById(to.getAttribute("href").slice(1));
    if (cell) {
      event.preventDefault();
      cell.scrollIntoView({ block: "center" });
      show(cell);
      return;
    }
    var target = event.target.closest("mark[data-findings], td[data-findings]");
    if (target) { show(target); } else if (!event.target.closest("#popup")) { hide(); }
  });
  document.addEventListener("keydown", function (event) {
    if (event.key === "Escape") { hide(); }
    if (event.key === "Enter" && event.target.matches && event.target.matches("mark[data-findings]")) { show(event.target); }
  });
  document.querySelectorAll("td[data-addends]").forEach(function (cell) {
    cell.addEventListener("mouseenter", function () { link(cell); });
    cell.addEventListener("mouseleave", function () { if (popup.hidden) { unlink(); } });
  });
  apply();
})();
