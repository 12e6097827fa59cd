/* Filter the timeline by field without reloading. The page lists every milestone without
   JavaScript, and hides the buttons then (a <noscript> style in templates/main.html); this
   hides what does not match. */
(function () {
  "use strict";
  var filter = document.querySelector("[data-sb-filter]");
  if (!filter) return;
  var items = document.querySelectorAll(".sb-timeline li[data-field]");
  var years = document.querySelectorAll("[data-sb-year]");
  var buttons = filter.querySelectorAll("button[data-field]");
  Array.prototype.forEach.call(buttons, function (button) {
    button.addEventListener("click", function () {
      var field = button.dataset.field;
      Array.prototype.forEach.call(buttons, function (b) {
        b.setAttribute("aria-pressed", b === button ? "true" : "false");
      });
      Array.prototype.forEach.call(items, function (item) {
        item.hidden = field !== "" && item.dataset.field !== field;
      });
      Array.prototype.forEach.call(years, function (year) {
        year.hidden = !year.querySelector("li[data-field]:not([hidden])");
      });
    });
  });
})();
