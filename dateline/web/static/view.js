// dateline web view: the little that needs a script. The pages work without it.
"use strict";

document.addEventListener("DOMContentLoaded", () => {
  // Remember which highlight layers a reader turned off, from one article to the next.
  for (const box of document.querySelectorAll("fieldset.layers input[type=checkbox]")) {
    const key = "dateline." + box.id;
    if (localStorage.getItem(key) === "off") box.checked = false;
    box.addEventListener("change", () => localStorage.setItem(key, box.checked ? "on" : "off"));
  }
  // An actor page's "itself only" switch applies as soon as it is flipped (the button does it without script).
  for (const box of document.querySelectorAll("form.roll-up input[type=checkbox]")) {
    box.addEventListener("change", () => box.form.requestSubmit());
  }
  // Leave empty filters out of the address, so a filtered page's URL says only what was asked.
  for (const form of document.querySelectorAll("form.filters")) {
    form.addEventListener("submit", () => {
      for (const field of form.querySelectorAll("input, select")) {
        if (field.name && field.value === "") field.disabled = true;
      }
    });
  }
});

// A page restored from the back-forward cache keeps the fields the submit handler disabled: enable them again.
window.addEventListener("pageshow", () => {
  for (const field of document.querySelectorAll("form.filters [disabled]")) field.disabled = false;
});
