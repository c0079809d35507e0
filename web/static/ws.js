// Inquest workspace: keyboard shortcuts for the review queue and live
// preview for the chapter editor. Every page works without this script.
(function () {
  "use strict";

  function typing(e) {
    var t = e.target;
    return t && (t.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(t.tagName));
  }

  // Review queue: j/k move between items, c confirms, r rejects, s and t
  // open the speaker and stance forms of the current item.
  var items = Array.prototype.slice.call(document.querySelectorAll(".ws-item"));
  if (items.length) {
    var cur = 0;
    var hash = location.hash.slice(1);
    items.forEach(function (it, i) { if (it.id === hash) { cur = i; } });
    var select = function (i) {
      if (i < 0 || i >= items.length) { return; }
      items[cur].classList.remove("current");
      cur = i;
      items[cur].classList.add("current");
      items[cur].focus({ preventScroll: true });
      items[cur].scrollIntoView({ block: "nearest" });
    };
    select(cur);
    var submit = function (sel) {
      var f = items[cur].querySelector(sel);
      if (f) { f.submit(); }
    };
    var open = function (sel) {
      var d = items[cur].querySelector("details.ws-edit");
      if (d) { d.open = true; }
      var el = items[cur].querySelector(sel);
      if (el) { el.focus(); }
    };
    document.addEventListener("keydown", function (e) {
      if (typing(e) || e.ctrlKey || e.metaKey || e.altKey) { return; }
      switch (e.key) {
        case "j": select(cur + 1); break;
        case "k": select(cur - 1); break;
        case "c": submit("form.ws-confirm"); break;
        case "r": submit("form.ws-reject"); break;
        case "s": open(".ws-speaker-form input[name=speaker]"); break;
        case "t": open(".ws-stance-form select[name=stance]"); break;
        default: return;
      }
      e.preventDefault();
    });
  }

  // Chapter editor: render the preview as the analyst types, through the
  // same server renderer as the Preview button.
  var body = document.querySelector("textarea[data-preview]");
  var out = document.getElementById("ws-preview");
  if (body && out) {
    var form = body.form;
    var timer = null;
    var render = function () {
      var data = new URLSearchParams();
      data.set("body", body.value);
      data.set("csrf", form.querySelector("input[name=csrf]").value);
      fetch(body.getAttribute("data-preview"), {
        method: "POST", body: data, credentials: "same-origin",
        headers: { "X-CSRF-Token": form.querySelector("input[name=csrf]").value }
      }).then(function (r) { return r.ok ? r.text() : Promise.reject(r.status); })
        .then(function (html) { out.innerHTML = html; out.setAttribute("data-live", "1"); })
        .catch(function () {});
    };
    body.addEventListener("input", function () {
      clearTimeout(timer);
      timer = setTimeout(render, 300);
    });
  }
})();
