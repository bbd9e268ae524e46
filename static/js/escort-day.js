/* The escort's day page: a tap marks a passenger present or absent at a stop at once on the screen, keeps the mark
   in the phone (localStorage) and sends it; marks the server has not answered are sent again when the connection
   returns, on the next visit of the page, and every few seconds. The server keeps one mark per passenger and stop,
   the one made last on the phone, so a mark sent twice does no harm. Without this script each tap is a form post. */
(function () {
  "use strict";
  var root = document.querySelector("[data-escort-day]");
  if (!root) { return; }
  var url = root.dataset.markUrl;
  var storeKey = "jobroad:escort-day:" + root.dataset.run;
  var token = root.querySelector("input[name=csrfmiddlewaretoken]").value;
  var status = root.querySelector("[data-sync-status]");
  var hint = root.querySelector("[data-reserves-hint]");
  var sending = false;

  function load() {
    try { return JSON.parse(window.localStorage.getItem(storeKey)) || {}; } catch (error) { return {}; }
  }

  function save(marks) {
    try { window.localStorage.setItem(storeKey, JSON.stringify(marks)); } catch (error) { /* private mode: no store */ }
  }

  function riderAt(enrolment, stop) {
    return root.querySelector("[data-stop=\"" + stop + "\"] [data-rider=\"" + enrolment + "\"]");
  }

  function show(item, state) {
    item.dataset.state = state;
    item.querySelectorAll("[data-mark]").forEach(function (button) {
      button.setAttribute("aria-pressed", String(button.dataset.mark === state));
    });
  }

  function report() {
    var waiting = Object.keys(load()).length;
    status.dataset.pending = String(waiting);
    status.textContent = waiting ? root.dataset.textPending.replace("%(count)s", waiting) : root.dataset.textSaved;
  }

  function send() {
    if (sending) { return; }
    var marks = load();
    var key = Object.keys(marks)[0];
    report();
    if (!key) { return; }
    var mark = marks[key];
    var body = new URLSearchParams({
      enrolment: mark.enrolment, stop: mark.stop, present: mark.present ? "1" : "0", marked_at: mark.at
    });
    sending = true;
    fetch(url, {
      method: "POST", body: body, credentials: "same-origin",
      headers: { "X-CSRFToken": token, "X-Requested-With": "fetch" }
    }).then(function (response) {
      // 404: the passenger or stop is no longer the run's; the mark cannot be kept, so it is dropped.
      if (!response.ok && response.status !== 404) { throw new Error(String(response.status)); }
      var current = load();
      if (current[key] && current[key].at === mark.at) { delete current[key]; }  // a newer tap waits its turn
      save(current);
      if (response.ok && mark.stop === "pickup" && !mark.present && hint) { hint.hidden = false; }
      sending = false;
      send();
    }).catch(function () {
      sending = false;
      report();
    });
  }

  root.addEventListener("click", function (event) {
    var button = event.target.closest("[data-mark]");
    if (!button) { return; }
    event.preventDefault();
    var item = button.closest("[data-rider]");
    var stop = button.closest("[data-stop]").dataset.stop;
    var marks = load();
    marks[stop + ":" + item.dataset.rider] = {
      enrolment: item.dataset.rider, stop: stop, present: button.dataset.mark === "present",
      at: new Date().toISOString()
    };
    save(marks);
    show(item, button.dataset.mark);
    send();
  });

  Object.keys(load()).forEach(function (key) {
    var mark = load()[key];
    var item = riderAt(mark.enrolment, mark.stop);
    if (item) { show(item, mark.present ? "present" : "absent"); }
  });
  window.addEventListener("online", send);
  window.setInterval(send, 10000);
  send();
})();
