// Inquest workspace, jobs page: while a job is queued or running, poll the
// API every two seconds and update each row's state, attempt, progress and
// last error in place, so that the forms above are never reloaded under the
// analyst's hands. Without this script the page reloads itself instead.
(function () {
  "use strict";
  var table = document.getElementById("jobs");
  if (!table || !table.dataset.follow) { return; }
  var url = table.dataset.follow;
  var shown = {};
  var maxID = 0;
  Array.prototype.forEach.call(table.querySelectorAll("tr[data-job]"), function (tr) {
    var id = Number(tr.dataset.job);
    shown[id] = tr;
    if (id > maxID) { maxID = id; }
  });
  var stateWord = function (s) { return table.dataset["state" + s.charAt(0).toUpperCase() + s.slice(1)] || s; };
  var active = function (s) { return s === "queued" || s === "running"; };

  var update = function (tr, j) {
    tr.dataset.state = j.state;
    tr.querySelector(".job-state").textContent = stateWord(j.state);
    tr.querySelector(".job-attempt").textContent = j.attempt + "/" + j.max_attempts;
    tr.querySelector(".job-error").textContent = j.last_error || "";
    var cell = tr.querySelector(".job-progress");
    if (j.progress_total > 0) {
      var bar = cell.querySelector("progress");
      if (!bar) { bar = document.createElement("progress"); cell.textContent = ""; cell.appendChild(bar); }
      bar.max = j.progress_total;
      bar.value = j.progress_done;
      var count = cell.querySelector(".job-count");
      if (!count) { count = document.createElement("span"); count.className = "job-count"; cell.appendChild(document.createTextNode(" ")); cell.appendChild(count); }
      count.textContent = j.progress_done + "/" + j.progress_total;
    }
    if (!active(j.state)) {
      var cancel = tr.querySelector(".job-cancel form");
      if (cancel) { cancel.remove(); }
    }
  };

  var timer = null;
  var poll = function () {
    fetch(url, { credentials: "same-origin", headers: { "Accept": "application/json" } })
      .then(function (r) { if (!r.ok) { throw new Error(r.status); } return r.json(); })
      .then(function (jobs) {
        var anyActive = false;
        jobs.forEach(function (j) {
          if (shown[j.id]) { update(shown[j.id], j); }
          else if (j.id > maxID) { document.getElementById("jobs-new").hidden = false; }
          if (active(j.state)) { anyActive = true; }
        });
        if (anyActive) { timer = setTimeout(poll, 2000); }
      })
      .catch(function () { timer = setTimeout(poll, 10000); });
  };
  timer = setTimeout(poll, 1000);
})();
