// Suggestions under the search box: document numbers and titles from /api/suggest as one types.
// Without JavaScript the datalist stays empty and the form works as before.
(function () {
  "use strict";
  var DELAY_MS = 150;   // wait for a pause in typing rather than ask on every key
  var MIN_CHARS = 2;    // one character matches too much to be useful

  function start() {
    var input = document.getElementById("q");
    var list = document.getElementById("goi-y");
    if (!input || !list || !window.fetch) { return; }
    var url = list.getAttribute("data-url");
    var timer = null;
    var latest = 0;     // answers that arrive late for an older prefix are dropped

    function fill(suggestions) {
      while (list.firstChild) { list.removeChild(list.firstChild); }
      suggestions.forEach(function (s) {
        var option = document.createElement("option");
        option.value = s.query;
        if (s.label !== s.query) { option.label = s.label; }
        list.appendChild(option);
      });
    }

    function ask() {
      var typed = input.value.trim();
      if (typed.length < MIN_CHARS) { fill([]); return; }
      var ticket = ++latest;
      fetch(url + "?q=" + encodeURIComponent(typed), {headers: {"Accept": "application/json"}})
        .then(function (r) { return r.ok ? r.json() : {suggestions: []}; })
        .then(function (data) { if (ticket === latest) { fill(data.suggestions || []); } })
        .catch(function () { /* suggestions are a convenience: a failure leaves the box as is */ });
    }

    input.addEventListener("input", function () {
      clearTimeout(timer);
      timer = setTimeout(ask, DELAY_MS);
    });
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
