// Each version of a text says its language, for screen readers and the spelling check: Decap
// 3.16 gives the inputs ids "pl-field-…" and "be-field-…" (the fields' names) and no lang.
new MutationObserver(() => {
  for (const input of document.querySelectorAll(
      '[id^="pl-field-"]:not([lang]), [id^="be-field-"]:not([lang])')) {
    input.lang = input.id.slice(0, 2);
  }
}).observe(document.documentElement, { subtree: true, childList: true });
