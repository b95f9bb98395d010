// Gleaner's pages work without this script; it only adds conveniences. Served from the app itself
// (the Content-Security-Policy allows no other script), and it never writes record text as HTML.
"use strict";
document.addEventListener("keydown", function (event) {
  // "/" jumps to the search box, as on most search sites, unless the user is typing somewhere.
  if (event.key !== "/" || event.ctrlKey || event.metaKey || event.altKey) return;
  var target = event.target;
  if (target && (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName))) return;
  var box = document.getElementById("q");
  if (box) {
    event.preventDefault();
    box.focus();
    box.select();
  }
});

// The harvest status page reloads itself every 5 s while its box is ticked (remembered across reloads).
(function () {
  var box = document.getElementById("auto-refresh");
  if (!box) return;
  var key = "gleaner.autoRefresh";
  try { box.checked = window.sessionStorage.getItem(key) === "1"; } catch (e) { /* storage off */ }
  var timer = null;
  function schedule() {
    if (timer) window.clearTimeout(timer);
    timer = box.checked ? window.setTimeout(function () { window.location.reload(); }, 5000) : null;
  }
  box.addEventListener("change", function () {
    try { window.sessionStorage.setItem(key, box.checked ? "1" : "0"); } catch (e) { /* storage off */ }
    schedule();
  });
  schedule();
})();
