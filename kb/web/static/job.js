// The job page refreshes itself: it asks /api/jobs/<id> every 2 s until the job has finished.
(function () {
  "use strict";
  var box = document.getElementById("job");
  if (!box || box.dataset.finished === "yes") { return; }
  var status = document.getElementById("job-status");
  var labels = JSON.parse(status.dataset.labels);
  var table = document.getElementById("job-files");
  var outcomes = JSON.parse(table.dataset.outcomes);

  function text(id, value) { document.getElementById(id).textContent = value; }

  function render(job) {
    status.textContent = labels[job.status] || job.status;
    text("job-done", job.files_done);
    text("job-total", job.files_total);
    text("job-failed", job.files_failed);
    text("job-ocr", job.ocr_pages_skipped);
    var error = document.getElementById("job-error");
    error.textContent = job.error || "";
    error.hidden = !job.error;
    while (table.rows.length > 1) { table.deleteRow(1); }
    job.files.forEach(function (file) {
      var row = table.insertRow();
      [file.name, outcomes[file.status] || file.status, file.reason || ""].forEach(function (v) {
        row.insertCell().textContent = v;
      });
      var cell = row.insertCell();
      cell.className = "job-documents";
      (file.documents || []).forEach(function (doc, i) {
        if (i) { cell.appendChild(document.createTextNode("; ")); }
        var link = document.createElement("a");
        link.href = doc.url;
        link.textContent = doc.title || file.name;
        cell.appendChild(link);
      });
    });
  }

  function poll() {
    fetch(box.dataset.api, {credentials: "same-origin", headers: {"Accept": "application/json"}})
      .then(function (response) { return response.json(); })
      .then(function (job) {
        render(job);
        if (!job.finished) { setTimeout(poll, 2000); }
      })
      .catch(function () { setTimeout(poll, 2000); });
  }
  setTimeout(poll, 2000);
})();
