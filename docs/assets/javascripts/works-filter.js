// The Papers page's filters (overrides/partials/works-filter.html): narrow the works by kind,
// section citing them and year, in place, with no reload. Each work carries its facts as data
// attributes; a group's heading (and its line in the table of contents) hides with its last
// shown work. The choice is kept in the address (?kind=code&year=2020), so a reload, Back or a
// shared link shows the same selection. Where script is off, the form is hidden (noscript in
// overrides/main.html) and the page is the whole list. The form is drawn from the start and not
// revealed by this script: shown late, it pushed the whole list down on screen (Lighthouse
// measured a layout shift of 0.19); loaded before the list, it held up the first paint.
(function () {
  "use strict";
  var form = document.getElementById("works-filter");
  if (!form) return;
  var NAMES = ["kind", "section", "year"];
  var works, groups;

  function collect() {
    works = Array.prototype.slice.call(document.querySelectorAll(".md-content .work[data-kind]"));
    groups = Array.prototype.map.call(document.querySelectorAll(".md-content .works"), function (list) {
    var heading = list.previousElementSibling;
    // The table of contents is drawn twice (the sidebar's and, on a phone, the drawer's).
    var entries = heading && heading.id ?
      document.querySelectorAll('.md-nav--secondary a[href="#' + CSS.escape(heading.id) + '"]') : [];
    return { list: list, heading: heading,
             entries: Array.prototype.map.call(entries, function (a) { return a.parentElement; }),
             works: Array.prototype.slice.call(list.querySelectorAll(".work")) };
    });
  }
  var count = form.querySelector(".works-filter__count");
  var total = count.getAttribute("data-total");

  function matches(work, chosen) {
    return (!chosen.kind || work.dataset.kind === chosen.kind) &&
      (!chosen.section || work.dataset.sections.split(" ").indexOf(chosen.section) >= 0) &&
      (!chosen.year || work.dataset.year === chosen.year);
  }

  function apply() {
    if (!works) collect();
    var chosen = {}, any = false, shown = 0;
    NAMES.forEach(function (name) { chosen[name] = form.elements[name].value; any = any || !!chosen[name]; });
    works.forEach(function (work) {
      var show = matches(work, chosen);
      work.hidden = !show;
      if (show) shown += 1;
    });
    groups.forEach(function (group) {
      var empty = group.works.every(function (work) { return work.hidden; });
      group.list.hidden = empty;
      if (group.heading) group.heading.hidden = empty;
      group.entries.forEach(function (entry) { entry.hidden = empty; });
    });
    count.textContent = any ? "Showing " + shown + " of " + total + " works" : "All " + total + " works";
    var params = new URLSearchParams(location.search);
    NAMES.forEach(function (name) {
      if (chosen[name]) params.set(name, chosen[name]); else params.delete(name);
    });
    var query = params.toString();
    history.replaceState(history.state, "", location.pathname + (query ? "?" + query : "") + location.hash);
  }

  form.addEventListener("change", apply);
  form.addEventListener("reset", function () { setTimeout(apply); });  // after the fields are reset
  form.addEventListener("submit", function (event) { event.preventDefault(); });
  // A choice from the address, where the list has it (deferred: the page is parsed).
  (function () {
    var params = new URLSearchParams(location.search), restored = false;
    NAMES.forEach(function (name) {
      var value = params.get(name), select = form.elements[name];
      if (value && Array.prototype.some.call(select.options, function (o) { return o.value === value; })) {
        select.value = value;
        restored = true;
      }
    });
    if (restored) apply();
  })();
})();
