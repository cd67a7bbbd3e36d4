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

  // Where one option is chosen (radio buttons), 1–9 picks the matching
  // option; where several are (check boxes), it ticks or unticks it.
  function chooseOption(form, e, type) {
    if (!/^[1-9]$/.test(e.key)) {
      return;
    }
    var inputs = form.querySelectorAll('input[type="' + type + '"][name="answer"]');
    var input = inputs[Number(e.key) - 1];
    if (!input) {
      return;
    }
    e.preventDefault();
    input.checked = type === "checkbox" ? !input.checked : true;
    input.focus();
  }

  // clock writes seconds as minutes and seconds: 754 is "12:34".
  function clock(seconds) {
    var s = seconds % 60;
    return Math.floor(seconds / 60) + ":" + (s < 10 ? "0" : "") + s;
  }

  // countDown counts a timed quiz's time left down each second. It only
  // tells: the server decides what an answer after the time is worth, so
  // nothing is submitted when the time is up.
  function countDown(el) {
    var left = Number(el.getAttribute("data-time-left"));
    if (!(left > 0)) {
      return;
    }
    // Counting against the clock, not the ticks, keeps the time right when
    // the browser slows the timer in a background tab.
    var end = Date.now() + left * 1000;
    var timer = window.setInterval(function () {
      var now = Math.max(0, Math.ceil((end - Date.now()) / 1000));
      if (now > 0) {
        el.textContent = "Time left: " + clock(now);
        return;
      }
      window.clearInterval(timer);
      el.textContent = "Time is up";
      el.classList.add("timer--up");
    }, 1000);
  }

  // On a true-or-false question, T or 1 answers true and F or 2 false;
  // elsewhere there is no true or false button and nothing happens.
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

  // onControl reports whether a control other than except has focus, so
  // that Enter and Space act on it rather than on the page.
  function onControl(except) {
    var active = document.activeElement;
    return !!(active && active !== except && active.closest("a, button, summary, input, select, textarea, [contenteditable]"));
  }

  // On feedback, Enter or N follows the next link unless another control
  // has focus and Enter belongs to it.
  function followNext(next, e) {
    var key = e.key.toLowerCase();
    if (key !== "enter" && key !== "n") {
      return;
    }
    if (onControl(next)) {
      return;
    }
    e.preventDefault();
    window.location.assign(next.href);
  }

  // On a review, Space or Enter shows the answer, 1–4 rate the card and U
  // takes back the last rating. Each presses the button a mouse would.
  function reviewKey(e) {
    var key = e.key;
    var button = null;
    if (key === " " || key === "Enter") {
      button = document.querySelector("button[data-reveal]");
      if (button && onControl(button)) {
        return;
      }
    } else if (/^[1-4]$/.test(key)) {
      button = document.querySelector('button[data-rating="' + key + '"]');
    } else if (key === "u" || key === "U") {
      button = document.querySelector("button[data-undo]");
    }
    if (!button || button.disabled) {
      return;
    }
    // Space would also scroll the page.
    e.preventDefault();
    button.click();
  }

  function init() {
    var form = document.querySelector("form[data-question-type]");
    var next = document.querySelector("a[data-next]");
    var review = document.querySelectorAll("button[data-reveal], button[data-rating], button[data-undo]");
    var hints = document.querySelectorAll("[data-js-only]");
    for (var i = 0; i < hints.length; i++) {
      hints[i].hidden = false;
    }
    var timer = document.querySelector("[data-time-left]");
    if (timer) {
      countDown(timer);
    }
    if (!form && !next && !review.length) {
      return;
    }
    var submitted = false;
    if (form) {
      form.addEventListener("submit", function () {
        submitted = true;
      });
    }
    // A review's forms go once: a double click, or a key pressed while the
    // page is on its way, would otherwise rate the card twice.
    var once = [];
    for (var j = 0; j < review.length; j++) {
      var f = review[j].form;
      if (!f || once.indexOf(f) >= 0) {
        continue;
      }
      once.push(f);
      f.addEventListener("submit", function (e) {
        if (submitted) {
          e.preventDefault();
          return;
        }
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
      if (review.length) {
        reviewKey(e);
        return;
      }
      // The shortcuts follow the controls the question shows, whatever
      // its type: options to choose one or several of, or true and false.
      if (form.querySelector('input[type="radio"][name="answer"]')) {
        chooseOption(form, e, "radio");
      } else if (form.querySelector('input[type="checkbox"][name="answer"]')) {
        chooseOption(form, e, "checkbox");
      } else {
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
