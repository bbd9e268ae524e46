/* Filter box for the vocabulary picker (companies/forms.py VocabularyCheckboxes). No framework; without this
   script the picker is a plain list of checkboxes. Ticked terms always stay visible. */
(function () {
  "use strict";

  function fold(text) {
    return text.normalize("NFKD").replace(/[\u0300-\u036f]/g, "").toLowerCase().trim();
  }

  function filter(picker, query) {
    var wanted = fold(query);
    var shown = 0;
    var options = picker.querySelectorAll("[data-vocabulary-option]");
    options.forEach(function (option) {
      var box = option.querySelector("input");
      var visible = !wanted || box.checked || fold(option.textContent).indexOf(wanted) !== -1;
      option.hidden = !visible;
      if (visible) { shown += 1; }
    });
    picker.querySelectorAll("[data-vocabulary-group]").forEach(function (heading) {
      var next = heading.nextElementSibling;
      var any = false;
      while (next && next.hasAttribute("data-vocabulary-option")) {
        if (!next.hidden) { any = true; }
        next = next.nextElementSibling;
      }
      heading.hidden = !any;
    });
    var nothing = picker.querySelector("[data-vocabulary-nothing]");
    if (nothing) { nothing.hidden = shown > 0 || options.length === 0; }
  }

  function setUp(picker) {
    var input = picker.querySelector("[data-vocabulary-filter]");
    if (!input) { return; }
    input.hidden = false;
    input.addEventListener("input", function () { filter(picker, input.value); });
    input.addEventListener("keydown", function (event) {
      if (event.key === "Enter") { event.preventDefault(); }  // Enter in the filter must not submit the form
    });
  }

  function start() {
    document.querySelectorAll("[data-vocabulary-picker]").forEach(setUp);
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
