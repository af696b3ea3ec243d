// The progress page of a booklet job: asks for the job's state every few seconds and updates the
// bar and the words in place (read out by screen readers through aria-live); once the job is done
// or failed, the page is loaded again to show the file or the reason.
(function () {
  "use strict";
  var job = document.getElementById("job");
  if (!job || !job.dataset.statusUrl) return;
  var every = Number(job.dataset.pollMs) || 2000;

  function show(status) {
    var bar = job.querySelector(".progress-bar");
    job.querySelector(".progress").setAttribute("aria-valuenow", status.percent);
    bar.style.width = status.percent + "%";
    bar.textContent = status.percent_text;
    document.getElementById("job-state").textContent = status.state_label;
    document.getElementById("job-phase").textContent = status.phase_label;
    document.getElementById("job-step").textContent = status.step_text;
  }

  function poll() {
    fetch(job.dataset.statusUrl, { headers: { Accept: "application/json" }, credentials: "same-origin" })
      .then(function (response) { return response.ok ? response.json() : null; })
      .then(function (status) {
        if (status && status.file_url) {  // a print view's PDF: the file at once, then the page shows it done
          window.location.assign(status.file_url);
          window.setTimeout(function () { window.location.reload(); }, every);
          return;
        }
        if (status && !status.active) { window.location.reload(); return; }
        if (status) show(status);
        window.setTimeout(poll, every);
      })
      .catch(function () { window.setTimeout(poll, every * 2); });
  }
  window.setTimeout(poll, every);
})();
