// Evidence uploads: one request per file, with a caption and a progress bar each, so a slow phone
// connection shows how far it is and one refused file does not hold back the others.
// Without this script the forms still work: every chosen file is sent at once with one caption.
(function () {
  if (window.evidenceUploadReady) return;
  window.evidenceUploadReady = true;

  // Reloading to show the new files would lose what the owner has typed in the report form above
  // and not saved yet: then the files are shown from the phone instead, and the list fills on the next visit.
  var reportDirty = false;
  document.addEventListener("input", function (event) {
    if (event.target.closest("#report-form")) reportDirty = true;
  });

  // Numbers this script writes follow the office's interface digits (the form's data-digits); file names stay.
  function shownDigits(form, text) {
    if (form.dataset.digits === "arabic") return text;
    return text.replace(/[0-9]/g, function (d) { return String.fromCharCode(0x0E50 + Number(d)); });
  }

  function chosenFiles(form) {
    var files = [];
    form.querySelectorAll("input.evidence-files").forEach(function (input) {
      Array.prototype.forEach.call(input.files, function (file) { files.push(file); });
    });
    return files;
  }

  function showChosen(form) {
    var box = form.querySelector(".evidence-chosen");
    var files = chosenFiles(form);
    box.innerHTML = "";
    var photos = form.id === "evidence-photo-form";
    files.forEach(function (file, index) {
      var row = document.createElement("div");
      row.className = "evidence-file border rounded p-2 mb-2";
      row.innerHTML =
        '<div class="small text-break fw-semibold"></div>' +
        '<input type="text" class="form-control form-control-sm mt-1 evidence-file-caption" maxlength="300">' +
        '<div class="progress mt-1" role="progressbar" aria-label="ความคืบหน้าการส่งไฟล์" style="height: .6rem">' +
        '<div class="progress-bar" style="width: 0%"></div></div>' +
        '<div class="small evidence-file-message mt-1" aria-live="polite"></div>';
      var size = file.size >= 1024 * 1024 ? (file.size / 1024 / 1024).toFixed(1) + " MB"
        : Math.max(1, Math.round(file.size / 1024)) + " KB";
      row.querySelector(".fw-semibold").textContent =
        shownDigits(form, (index + 1) + ". ") + file.name + " (" + shownDigits(form, size) + ")";
      var caption = row.querySelector(".evidence-file-caption");
      caption.placeholder = photos ? "คำบรรยายภาพนี้" : "ชื่อเอกสาร (เว้นว่าง = ใช้ชื่อไฟล์)";
      caption.setAttribute("aria-label", (photos ? "คำบรรยายภาพ " : "ชื่อเอกสาร ") + file.name);
      box.appendChild(row);
    });
    var common = form.querySelector(".evidence-common-caption");
    if (common) common.hidden = files.length > 0;
    if (files.length) box.querySelector(".evidence-file-caption").focus();
  }

  function send(form, file, caption, row) {
    return new Promise(function (resolve) {
      var data = new FormData();
      data.append("csrfmiddlewaretoken", form.querySelector("[name=csrfmiddlewaretoken]").value);
      data.append("files", file, file.name);
      data.append("caption", caption);
      var xhr = new XMLHttpRequest();
      var bar = row.querySelector(".progress-bar");
      var message = row.querySelector(".evidence-file-message");
      xhr.open("POST", form.action);
      xhr.setRequestHeader("X-Requested-With", "XMLHttpRequest");
      xhr.upload.onprogress = function (event) {
        if (event.lengthComputable) bar.style.width = Math.round(event.loaded * 100 / event.total) + "%";
      };
      xhr.onload = function () {
        var answer = {};
        try { answer = JSON.parse(xhr.responseText); } catch (e) { answer = {}; }
        var ok = xhr.status === 200 && answer.ok;
        bar.style.width = "100%";
        bar.classList.add(ok ? "bg-success" : "bg-danger");
        message.className = "small evidence-file-message mt-1 " + (ok ? "text-success" : "text-danger");
        if (ok && file.type.indexOf("image/") === 0 && window.URL && URL.createObjectURL) {
          var preview = document.createElement("img");
          preview.src = URL.createObjectURL(file);
          preview.alt = "";
          preview.style.maxHeight = "4rem";
          preview.className = "d-block mt-1 rounded";
          row.appendChild(preview);
        }
        message.textContent = answer.message ||
          (xhr.status === 413 ? "ไฟล์ใหญ่เกินไป กรุณาย่อภาพก่อนแนบ" : "ส่งไม่สำเร็จ (รหัส " + xhr.status + ") กรุณาลองอีกครั้ง");
        resolve(ok);
      };
      xhr.onerror = function () {
        bar.classList.add("bg-danger");
        message.className = "small evidence-file-message mt-1 text-danger";
        message.textContent = "ส่งไม่สำเร็จ: การเชื่อมต่อขาดหาย กรุณาลองอีกครั้งเมื่อสัญญาณดีขึ้น";
        resolve(false);
      };
      xhr.send(data);
    });
  }

  document.addEventListener("change", function (event) {
    if (!event.target.matches("form.evidence-upload input.evidence-files")) return;
    showChosen(event.target.form);
  });

  document.addEventListener("submit", function (event) {
    var form = event.target;
    if (form.matches("form.evidence-delete")) {
      if (!window.confirm(form.dataset.confirm)) event.preventDefault();
      return;
    }
    if (!form.matches("form.evidence-upload")) return;
    var files = chosenFiles(form);
    if (!files.length || !window.FormData || !window.Promise) return;  // the server explains
    event.preventDefault();
    var button = form.querySelector(".evidence-send");
    button.disabled = true;
    var common = form.querySelector(".evidence-common-caption input");
    var rows = form.querySelectorAll(".evidence-file");
    var allOk = true;
    var chain = Promise.resolve();
    files.forEach(function (file, index) {
      chain = chain.then(function () {
        var own = rows[index].querySelector(".evidence-file-caption").value.trim();
        return send(form, file, own || (common ? common.value : ""), rows[index]).then(function (ok) {
          allOk = allOk && ok;
        });
      });
    });
    chain.then(function () {
      if (allOk && !reportDirty) { window.location.reload(); return; }
      button.disabled = false;
      if (allOk) {
        var note = document.createElement("p");
        note.className = "small text-success evidence-saved-note";
        note.textContent = "แนบไฟล์ครบแล้ว ข้อความในรายงานที่พิมพ์ไว้ยังไม่ได้บันทึก กด “บันทึกฉบับร่าง” หรือ “ส่งรายงาน” ด้านบน";
        form.querySelector(".evidence-chosen").appendChild(note);
        form.querySelectorAll("input.evidence-files").forEach(function (input) { input.value = ""; });
        return;
      }
      var again = document.createElement("a");
      again.href = window.location.pathname + "#evidence";
      again.className = "btn btn-sm btn-outline-secondary evidence-reload";
      again.textContent = "แสดงไฟล์ที่แนบสำเร็จแล้ว";
      again.addEventListener("click", function (e) { e.preventDefault(); window.location.reload(); });
      form.querySelector(".evidence-chosen").appendChild(again);
    });
  });
})();
