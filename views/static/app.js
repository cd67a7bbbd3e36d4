// factquiz keyboard shortcuts. Progressive enhancement only: every page
// works with plain forms and links when this file does not load.
(function () {
  "use strict";

  // typing reports whether a key press belongs to the element that has
  // focus: a text field, a select or editable content.
  function typing(el) {
    if (!el) {
      return false;
    }
    if (el.isContentEditable) {
      return true;
    }
    var tag = el.tagName;
    if (tag === "TEXTAREA" || tag === "SELECT") {
      return true;
    }
    if (tag !== "INPUT") {
      return false;
    }
    var type = (el.getAttribute("type") || "text").toLowerCase();
    return ["radio", "checkbox", "button", "submit", "reset", "hidden", "range", "color", "file"].indexOf(type) < 0;
  }

  function modified(e) {
    return e.ctrlKey || e.metaKey || e.altKey || e.isComposing;
  }

  // On a multiple-choice question, 1–9 picks the matching option.
  function chooseOption(form, e) {
    if (!/^[1-9]$/.test(e.key)) {
      return;
    }
    var radios = form.querySelectorAll('input[type="radio"][name="answer"]');
    var radio = radios[Number(e.key) - 1];
    if (!radio) {
      return;
    }
    e.preventDefault();
    radio.checked = true;
    radio.focus();
  }

  // On a true-or-false question, T or 1 answers true and F or 2 false.
  function answerTrueFalse(form, e) {
    var key = e.key.toLowerCase();
    var value = key === "t" || key === "1" ? "true" : key === "f" || key === "2" ? "false" : "";
    if (!value) {
      return;
    }
    var button = form.querySelector('button[name="answer"][value="' + value + '"]');
    if (!button) {
      return;
    }
    e.preventDefault();
    if (form.requestSubmit) {
      form.requestSubmit(button);
    } else {
      button.click();
    }
  }

  // On feedback, Enter or N follows the next link unless another control
  // has focus and Enter belongs to it.
  function followNext(next, e) {
    var key = e.key.toLowerCase();
    if (key !== "enter" && key !== "n") {
      return;
    }
    var active = document.activeElement;
    if (active && active !== next && active.closest("a, button, summary, input, select, textarea, [contenteditable]")) {
      return;
    }
    e.preventDefault();
    window.location.assign(next.href);
  }

  function init() {
    var form = document.querySelector("form[data-question-type]");
    var next = document.querySelector("a[data-next]");
    var hints = document.querySelectorAll("[data-js-only]");
    for (var i = 0; i < hints.length; i++) {
      hints[i].hidden = false;
    }
    if (!form && !next) {
      return;
    }
    var submitted = false;
    if (form) {
      form.addEventListener("submit", function () {
        submitted = true;
      });
    }
    // A page restored from the back-forward cache takes shortcuts again.
    window.addEventListener("pageshow", function () {
      submitted = false;
    });

    document.addEventListener("keydown", function (e) {
      if (!e.key || e.defaultPrevented || modified(e) || submitted || typing(document.activeElement)) {
        return;
      }
      if (next) {
        followNext(next, e);
        return;
      }
      var type = form.getAttribute("data-question-type");
      if (type === "multiple_choice") {
        chooseOption(form, e);
      } else if (type === "true_false") {
        answerTrueFalse(form, e);
      }
    });
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", init);
  } else {
    init();
  }
})();
