/* A small accessible lightbox for album pages: a native <dialog> opened from each thumbnail
   link. Arrow keys move between photos, Escape closes, and focus returns to the thumbnail.
   Without JavaScript each thumbnail is a plain link to the large picture. */
(function () {
  "use strict";
  function setup(gallery) {
    var links = Array.prototype.slice.call(gallery.querySelectorAll("a.sb-gallery__link"));
    if (!links.length || typeof HTMLDialogElement !== "function") return;
    var dialog = document.createElement("dialog");
    dialog.className = "sb-lightbox";
    dialog.setAttribute("aria-label", gallery.dataset.label || "");
    dialog.innerHTML =
      '<figure><img alt=""><figcaption></figcaption></figure>' +
      '<div class="sb-lightbox__bar">' +
      '<button type="button" data-go="-1"></button>' +
      '<button type="button" data-go="1"></button>' +
      '<button type="button" data-close></button></div>';
    var buttons = dialog.querySelectorAll("button");
    buttons[0].textContent = gallery.dataset.previous || "<";
    buttons[1].textContent = gallery.dataset.next || ">";
    buttons[2].textContent = gallery.dataset.close || "x";
    document.body.appendChild(dialog);
    var image = dialog.querySelector("img");
    var caption = dialog.querySelector("figcaption");
    var current = 0;
    var opener = null;
    function show(index) {
      current = (index + links.length) % links.length;
      var link = links[current];
      var thumb = link.querySelector("img");
      image.src = link.getAttribute("href");
      image.alt = thumb ? thumb.alt : "";
      caption.textContent = link.dataset.caption || "";
    }
    links.forEach(function (link, index) {
      link.addEventListener("click", function (event) {
        event.preventDefault();
        opener = link;
        show(index);
        dialog.showModal();
        buttons[2].focus();
      });
    });
    dialog.addEventListener("click", function (event) {
      var target = event.target;
      if (target === dialog || target.hasAttribute("data-close")) dialog.close();
      else if (target.dataset.go) show(current + Number(target.dataset.go));
    });
    dialog.addEventListener("keydown", function (event) {
      if (event.key === "ArrowRight") show(current + 1);
      else if (event.key === "ArrowLeft") show(current - 1);
    });
    dialog.addEventListener("close", function () {
      if (opener) opener.focus();  /* Escape closes the dialog natively */
    });
  }
  Array.prototype.forEach.call(document.querySelectorAll("[data-sb-gallery]"), setup);
})();
