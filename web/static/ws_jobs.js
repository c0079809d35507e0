// Inquest workspace, jobs page: while a job is queued or running, poll the
// API every two seconds and update each row's state, attempt, progress and
// last error in place, so that the forms above are never reloaded under the
// analyst's hands. Without this script the page reloads itself instead.
// When a job it follows ends, its row is taken afresh from the page itself
// (one request for all the jobs that ended together): the server says what
// a done job made, in the page's language, so the words live in one place.
(function () {
  "use strict";
  var table = document.getElementById("jobs");
  if (!table || !table.dataset.follow) { return; }
  var url = table.dataset.follow;
  var shown = {};
  // following holds the rows shown while their job was active: once it
  // ends, the row is fetched afresh to show the job's result.
  var following = {};
  var maxID = 0;
  var stateWord = function (s) { return table.dataset["state" + s.charAt(0).toUpperCase() + s.slice(1)] || s; };
  var active = function (s) { return s === "queued" || s === "running"; };
  Array.prototype.forEach.call(table.querySelectorAll("tr[data-job]"), function (tr) {
    var id = Number(tr.dataset.job);
    shown[id] = tr;
    if (active(tr.dataset.state)) { following[id] = true; }
    if (id > maxID) { maxID = id; }
  });

  // refreshRows replaces the rows of jobs that have ended by the same rows
  // of the page as the server renders it now. A filter by state is left
  // out: the jobs that ended are no longer in the state the page was
  // filtered by. A failed request is tried again a few times.
  var refreshRows = function (ids, tries) {
    var page = new URL(location.href);
    page.searchParams.delete("state");
    page.hash = "";
    fetch(page.toString(), { credentials: "same-origin", headers: { "Accept": "text/html" } })
      .then(function (r) { if (!r.ok) { throw new Error(r.status); } return r.text(); })
      .then(function (html) {
        var fresh = new DOMParser().parseFromString(html, "text/html");
        ids.forEach(function (id) {
          var row = fresh.querySelector('#jobs tr[data-job="' + id + '"]');
          if (!row || active(row.dataset.state) || !shown[id]) { return; }
          var tr = document.importNode(row, true);
          shown[id].replaceWith(tr);
          shown[id] = tr;
        });
      })
      .catch(function () {
        if (tries > 1) { setTimeout(function () { refreshRows(ids, tries - 1); }, 5000); }
      });
  };

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
        var ended = [];
        jobs.forEach(function (j) {
          if (shown[j.id]) { update(shown[j.id], j); }
          else if (j.id > maxID) { document.getElementById("jobs-new").hidden = false; }
          if (active(j.state)) { anyActive = true; }
          else if (following[j.id]) { delete following[j.id]; ended.push(j.id); }
        });
        if (ended.length) { refreshRows(ended, 3); }
        if (anyActive) { timer = setTimeout(poll, 2000); }
      })
      .catch(function () { timer = setTimeout(poll, 10000); });
  };
  timer = setTimeout(poll, 1000);
})();
