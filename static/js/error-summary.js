/* After a failed submit the error summary at the top of a form takes the focus, so a screen reader reads it and a
   phone shows it; its links move to each field (the GOV.UK pattern). A link into a folded section opens it. */
(function () {
  "use strict";
  var summary = document.querySelector("[data-error-summary]");
  if (!summary) { return; }
  summary.focus();
  summary.addEventListener("click", function (event) {
    var link = event.target.closest("a[href^='#']");
    if (!link) { return; }
    var field = document.getElementById(link.getAttribute("href").slice(1));
    if (!field) { return; }
    var section = field.closest("details");
    if (section) { section.open = true; }
    event.preventDefault();
    field.scrollIntoView({ block: "center" });
    field.focus();
  });
})();
