// Changing the sort order re-runs the search at once (the button still works without JS).
document.addEventListener("DOMContentLoaded", function () {
  var sort = document.getElementById("sort");
  if (sort && sort.form && document.getElementById("q").value.trim()) {
    sort.addEventListener("change", function () { sort.form.submit(); });
  }
});

// On a wide screen the filters stand beside the results, open; on a phone they stay folded.
document.addEventListener("DOMContentLoaded", function () {
  var box = document.querySelector("details.facets-box");
  if (box && window.matchMedia("(min-width: 68rem)").matches) { box.open = true; }
});
