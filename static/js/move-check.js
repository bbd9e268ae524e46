/* Live conflict check of the "move an interview" form: each change of day or time asks the server what would
   block it and shows the answer under the form (a polite live region). Without this script the form is still
   checked when it is submitted. */
(function () {
  "use strict";
  var form = document.querySelector("[data-move-form]");
  if (!form) { return; }
  var output = document.querySelector("[data-move-check]");
  var pending = 0;

  function check() {
    var query = new URLSearchParams(new FormData(form));
    query.delete("csrfmiddlewaretoken");
    var ticket = ++pending;
    fetch(form.dataset.checkUrl + "?" + query.toString(), { headers: { "X-Requested-With": "fetch" }, credentials: "same-origin" })
      .then(function (response) { return response.ok ? response.text() : ""; })
      .then(function (html) { if (ticket === pending) { output.innerHTML = html; } })
      .catch(function () { /* the submit still checks */ });
  }

  form.addEventListener("change", check);
  form.addEventListener("input", function (event) { if (event.target.type === "time") { check(); } });
})();
